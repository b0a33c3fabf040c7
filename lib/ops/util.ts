import { storageOf, Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  allocate,
  type DType,
  excerpt,
  formatShape,
  ShapeError,
  shapesEqual,
  stridesOf,
} from '../core/index.js';

/** A tensor operand, or a plain number that takes the other operand's dtype (numpy's weak scalars). */
export type TensorLike = Tensor | number;

/** Integer indices (rows for `gather`, classes for the losses): a list, an Int32Array, or a tensor of integral values. */
export type IndicesLike = Tensor | readonly number[] | Int32Array;

/** Validated indices: integers in [0, limit), with the shape they came in. */
export interface Indices {
  readonly data: Int32Array;
  readonly shape: readonly number[];
}

/**
 * The error of a mean loss over no elements, which would be NaN.
 * NOTE: PyTorch returns NaN here; an empty batch is a bug upstream, so rxgrad names it.
 */
export function emptyMean(op: string, arg: string, shape: readonly number[]): ShapeError {
  return new ShapeError(
    `${op}: ${arg} is empty (shape ${formatShape(shape)}), and a mean over no elements is NaN; expected at least one element (an empty batch?)`,
  );
}

/** Turns a number into a scalar tensor of `dtype`; passes tensors through; rejects anything else. */
export function toTensor(x: TensorLike, dtype: DType, op: string, arg: string): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === 'number') {
    const data = allocate(dtype, 1);
    data[0] = x;
    return new Tensor(data, []);
  }
  throw new ArgumentError(
    `${op}: ${arg} must be a Tensor or a number, got ${x === null ? 'null' : typeof x}`,
  );
}

/** Checks that `x` is a Tensor. */
export function expectTensor(x: unknown, op: string, arg: string): Tensor {
  if (x instanceof Tensor) return x;
  throw new ArgumentError(`${op}: ${arg} must be a Tensor, got ${x === null ? 'null' : typeof x}`);
}

/** The dtype of the first tensor among the operands (float64 when both are numbers). */
export function dtypeOfOperands(a: TensorLike, b: TensorLike): DType {
  if (a instanceof Tensor && b instanceof Tensor)
    return a.dtype === 'float64' || b.dtype === 'float64' ? 'float64' : 'float32';
  if (a instanceof Tensor) return a.dtype;
  if (b instanceof Tensor) return b.dtype;
  return 'float64';
}

/** Checks that `x` is a number (not NaN). */
export function expectNumber(x: unknown, op: string, arg: string): number {
  if (typeof x === 'number' && !Number.isNaN(x)) return x;
  const found = typeof x === 'number' ? `${x}` : excerpt(x);
  throw new ArgumentError(`${op}: ${arg} must be a number, got ${found}`);
}

function formatIndex(flat: number, shape: readonly number[]): string {
  if (shape.length <= 1) return `${flat}`;
  const strides = stridesOf(shape);
  let rem = flat;
  return strides
    .map((s) => {
      const i = Math.floor(rem / s);
      rem -= i * s;
      return i;
    })
    .join(',');
}

/** Validates indices: each an integer in [0, limit). Errors name the op, the argument and the bad element. */
export function toIndices(indices: unknown, limit: number, op: string, arg: string): Indices {
  let values: ArrayLike<number>;
  let shape: readonly number[];
  if (indices instanceof Tensor) {
    values = indices.data;
    shape = indices.shape;
  } else if (Array.isArray(indices) || indices instanceof Int32Array) {
    values = indices as ArrayLike<number>;
    shape = [values.length];
  } else {
    throw new ArgumentError(
      `${op}: ${arg} must be an array of integers, an Int32Array or a Tensor, got ${indices === null ? 'null' : typeof indices}`,
    );
  }
  const data = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v >= limit) {
      throw new ArgumentError(
        `${op}: ${arg}[${formatIndex(i, shape)}] must be an integer in [0, ${limit}), got ${excerpt(v)}`,
      );
    }
    data[i] = v;
  }
  return { data, shape };
}

/**
 * The operands of a loss: `pred` a tensor, `target` a tensor of exactly the same shape (or a
 * number). NOTE: no broadcasting here, so the (N,) vs (N,1) mistake is an error, not a silent N×N loss.
 */
export function lossOperands(
  pred: unknown,
  target: unknown,
  op: string,
  { mean = true } = {},
): [Tensor, TensorLike] {
  const p = expectTensor(pred, op, 'pred');
  if (typeof target === 'number') {
    if (mean && p.size === 0) throw emptyMean(op, 'pred', p.shape);
    return [p, target];
  }
  const t = expectTensor(target, op, 'target');
  if (!shapesEqual(p.shape, t.shape)) {
    throw new ShapeError(
      `${op}: pred and target must have the same shape, got ${formatShape(p.shape)} and ${formatShape(t.shape)}`,
    );
  }
  if (mean && p.size === 0) throw emptyMean(op, 'pred', p.shape);
  return [p, t];
}

/**
 * Checks that every value of `x` lies in [lo, hi]; NaN passes (it propagates into the result,
 * where it is not hidden). The error names the op, the argument and the first bad element.
 */
export function checkValuesIn(
  x: TensorLike,
  lo: number,
  hi: number,
  op: string,
  arg: string,
  what: string,
): void {
  const values = x instanceof Tensor ? storageOf(x) : [x];
  const shape = x instanceof Tensor ? x.shape : [];
  const i = firstOutside(values, lo, hi);
  if (i < 0) return;
  const at = x instanceof Tensor ? ` at [${formatIndex(i, shape)}]` : '';
  throw new ArgumentError(
    `${op}: ${arg} must be in [${lo}, ${hi}] (${what}), got ${excerpt(values[i])}${at}`,
  );
}

/**
 * Index of the first value outside [lo, hi] (NaN is not outside), or −1. One loop per array
 * type, so each stays monomorphic: a loss checks its inputs on every call.
 */
function firstOutside(values: ArrayLike<number>, lo: number, hi: number): number {
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) if (values[i] < lo || values[i] > hi) return i;
  } else if (values instanceof Float32Array) {
    for (let i = 0; i < values.length; i++) if (values[i] < lo || values[i] > hi) return i;
  } else {
    for (let i = 0; i < values.length; i++) if (values[i] < lo || values[i] > hi) return i;
  }
  return -1;
}
