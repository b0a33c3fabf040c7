import type { Shape, TypedArray } from '../core/index.js';
import type { UpdateRule } from './updateKernels.js';
import type { Conv2dGeometry, Window2d } from './window2d.js';

/** Elementwise functions of one array; `a` and `b` are their parameters where they take any. */
export type UnaryOp =
  | 'copy'
  | 'neg'
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'abs'
  | 'sign'
  | 'square'
  | 'relu'
  | 'step' // 1 where x > 0, 0 where x ≤ 0, NaN at NaN: the derivative of relu
  | 'leakyRelu' // a = negative slope
  | 'sigmoid'
  | 'tanh'
  | 'softplus'
  | 'erf'
  | 'gelu' // x·Φ(x), the exact erf form
  | 'powScalar' // x ** a
  | 'clip' // min(max(x, a), b)
  | 'affine'; // a * x + b

/** Elementwise functions of two broadcast arrays. */
export type BinaryOp =
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | 'maximum'
  | 'minimum'
  | 'greater'
  | 'equal'
  | 'reluGrad' // a·step(b): relu's backward, g masked by the sign of x, in one pass
  | 'sigmoidGrad'; // a·(b·(1 − b)): sigmoid's backward from its output b, in one pass

/**
 * One operand of a matrix product: exactly one matrix's elements, row-major as stored (a
 * `subarray` when it is one matrix of a batch), and whether the product uses it transposed.
 */
export interface MatrixView {
  /** The matrix's elements, row-major as stored, and nothing else (rows × cols of them). */
  readonly data: TypedArray;
  /** Rows as stored. */
  readonly rows: number;
  /** Columns as stored. */
  readonly cols: number;
  /** The product uses its transpose (stored rows × cols, used as cols × rows). */
  readonly transposed: boolean;
  /**
   * The caller promises that `data` (this very array object) will hold these values whenever it
   * is passed again with `stable` set, so a backend may keep a copy of it between calls (the
   * WebAssembly backend keeps such operands resident in its memory). The library sets it for
   * tensor storage that was never handed out (see `Tensor.data`).
   */
  readonly stable?: boolean;
}

/** Reductions over axes. */
export type ReduceOp = 'sum' | 'max' | 'min';

/**
 * The numeric kernels every tensor op runs on. Kernels see only typed arrays and shapes;
 * they know nothing of tensors or gradients. `out` is always preallocated by the caller and
 * never aliases an input.
 */
export interface Backend {
  /** The name it is registered and selected by (`'js'`, `'wasm'`). */
  readonly name: string;
  /** out = op(x) elementwise. */
  unary(op: UnaryOp, x: TypedArray, out: TypedArray, a?: number, b?: number): void;
  /** out = a ∘ b with numpy broadcasting from `aShape` and `bShape` to `outShape`. */
  binary(
    op: BinaryOp,
    a: TypedArray,
    aShape: Shape,
    b: TypedArray,
    bShape: Shape,
    out: TypedArray,
    outShape: Shape,
  ): void;
  /** Reduces `x` over the sorted, distinct `axes`; `out` has the size of shape with those axes removed. */
  reduce(op: ReduceOp, x: TypedArray, shape: Shape, axes: readonly number[], out: TypedArray): void;
  /**
   * out = op(a)·op(b) for one matrix pair: op(a) is m×k, op(b) is k×n and `out` holds exactly
   * the m×n result. One matrix of a batch is passed as a view (`subarray`) of its elements.
   */
  matmul(a: MatrixView, b: MatrixView, out: TypedArray): void;
  /** out = x with its axes permuted by `perm` (out.shape[i] = shape[perm[i]]). */
  transpose(x: TypedArray, shape: Shape, perm: readonly number[], out: TypedArray): void;
  /** y[N,O,oh,ow] = x[N,C,H,W] ⋆ weight[O,C/groups,kh,kw] (+ bias[O]), a cross-correlation. */
  conv2d(
    x: TypedArray,
    weight: TypedArray,
    bias: TypedArray | null,
    y: TypedArray,
    geometry: Conv2dGeometry,
  ): void;
  /** dx[N,C,H,W] = conv2d's adjoint in x applied to dy[N,O,oh,ow] (a transposed convolution). */
  conv2dBackpropInput(
    dy: TypedArray,
    weight: TypedArray,
    dx: TypedArray,
    geometry: Conv2dGeometry,
  ): void;
  /** dw[O,C/groups,kh,kw] = conv2d's adjoint in the weight applied to dy, summed over samples. */
  conv2dBackpropFilter(
    x: TypedArray,
    dy: TypedArray,
    dw: TypedArray,
    geometry: Conv2dGeometry,
  ): void;
  /** y[N,C,oh,ow] = each window's maximum, indices = its flat index into x (first of ties). */
  maxPool2d(x: TypedArray, y: TypedArray, indices: Int32Array, geometry: Window2d): void;
  /**
   * One optimiser update of parameter `p`, in place, from its gradient `g` and the rule's state
   * arrays (written in place too; see each rule for what `state` holds).
   */
  update(
    rule: UpdateRule,
    p: TypedArray,
    g: TypedArray,
    state: readonly (Float64Array | null)[],
  ): void;
}
