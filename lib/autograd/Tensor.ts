import {
  ArgumentError,
  type DType,
  dtypeOf,
  formatShape,
  type Shape,
  ShapeError,
  sizeOf,
  type TypedArray,
} from '../core/index.js';
import { handOut } from '../core/sealed.js';
import { type BackwardOptions, backwardArguments, backward as runBackward } from './backward.js';
import { formatValues } from './format.js';
import { isGradEnabled } from './gradMode.js';

/** Nested arrays of numbers, as `toArray()` returns them. */
export type NestedArray = number | NestedArray[];

/** The gradient rule of a recorded op: given the upstream gradient `g` and the op's output `y`, one gradient per input (`null` where an input needs none). */
export type Vjp = (g: Tensor, y: Tensor) => readonly (Tensor | null)[];

/** What an op leaves behind on its output so that backward can revisit it. */
export interface OpNode {
  /** The op's name (`'matmul'`, `'add'`, ...). */
  readonly op: string;
  /** The op's input tensors, in argument order. */
  readonly inputs: readonly Tensor[];
  /**
   * The op's gradient rule, which `backward` calls.
   *
   * @internal
   */
  readonly vjp: Vjp;
}

// Set by sealedTensor while it constructs: the array is the library's, not the caller's.
let internal = false;

// The storage's accessors for this module's functions below, set by the class's static block
// (only the class can touch its private fields; nothing outside this module sees them).
let readStorage: (t: Tensor) => TypedArray;
let writeStorage: (t: Tensor, data: TypedArray) => void;

/**
 * An n-dimensional array of float32 or float64 values, stored row-major in `data`, that may
 * take part in a recorded computation graph. Tensors are immutable by convention: ops return
 * new tensors; only optimisers write into a parameter's `data`, outside the graph.
 */
export class Tensor {
  /** The storage; `data` hands it out, `storageOf` reads it inside the library. */
  #data: TypedArray;
  /** Whether `data` has handed the storage out. */
  #exposed = false;
  /** Size of each axis (`[]` for a scalar). Frozen. */
  readonly shape: readonly number[];
  /** `'float64'` or `'float32'`, read from the type of `data`. */
  readonly dtype: DType;
  /** Whether gradients flow to this tensor. Set it on leaves (parameters); ops set it on results. */
  requiresGrad: boolean;
  /** The accumulated gradient after `backward()`, with this tensor's shape and dtype. */
  grad: Tensor | null = null;
  /** The op that produced this tensor, or null for a leaf. */
  readonly node: OpNode | null;
  /** An optional label, shown by `drawGraph`. */
  label: string | undefined;

  /**
   * A tensor over `data` (used as is, not copied) with `shape`, whose size must match. Prefer
   * `tensor(...)`, which also takes nested arrays; `node` is set by ops.
   */
  constructor(
    data: TypedArray,
    shape: Shape,
    options: { requiresGrad?: boolean; node?: OpNode | null } = {},
  ) {
    this.dtype = dtypeOf(data, 'Tensor');
    if (sizeOf(shape) !== data.length) {
      throw new ShapeError(
        `Tensor: shape ${formatShape(shape)} holds ${sizeOf(shape)} elements but data has ${data.length}`,
      );
    }
    this.#data = data;
    // an array from the caller is theirs: it may change at any time
    if (!internal) handOut(data);
    this.shape = Object.freeze([...shape]);
    this.requiresGrad = options.requiresGrad ?? false;
    this.node = options.node ?? null;
  }

  /**
   * The values, row-major: a `Float64Array` or a `Float32Array`, the tensor's own storage (not a
   * copy). Write into it only outside any computation, as optimisers do: the library then sees
   * the new values (backends drop any copies of an array once `data` has handed it out).
   */
  get data(): TypedArray {
    if (!this.#exposed) {
      this.#exposed = true;
      handOut(this.#data);
    }
    return this.#data;
  }

  static {
    readStorage = (t) => t.#data;
    writeStorage = (t, data) => {
      t.#data = data;
      t.#exposed = true;
      handOut(data);
    };
  }

  /** Number of elements. */
  get size(): number {
    return this.#data.length;
  }

  /** Number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /** True for a tensor no recorded op produced. */
  get isLeaf(): boolean {
    return this.node === null;
  }

  /** The single value of a one-element tensor. */
  item(): number {
    if (this.size !== 1) {
      throw new ShapeError(
        `item: expected a tensor with one element, got shape ${formatShape(this.shape)}`,
      );
    }
    return this.#data[0];
  }

  /**
   * The values as nested arrays, one level per axis (for a rank-0 tensor, the number itself:
   * prefer `item()`). Name the type you know to get it typed:
   *
   * @example
   * tensor([1, 2]).toArray<number[]>().map((v) => v * 2);   // [2, 4]
   * tensor([[1, 2], [3, 4]]).toArray<number[][]>()[1][0];    // 3
   * tensor([[1, 2]]).toArray().length;                       // 1 (NestedArray[] by default)
   */
  toArray<T extends NestedArray = NestedArray[]>(): T {
    const data = this.#data;
    const shape = this.shape;
    if (shape.length === 0) return data[0] as T;
    let offset = 0;
    const build = (dim: number): NestedArray[] => {
      const out: NestedArray[] = [];
      for (let i = 0; i < shape[dim]; i++)
        out.push(dim === shape.length - 1 ? data[offset++] : build(dim + 1));
      return out;
    };
    return build(0) as T;
  }

  /** The same values, cut off from the graph: the result is a leaf that does not require grad. */
  detach(): Tensor {
    return sealedTensor(this.#data, this.shape);
  }

  /** Sets `requiresGrad` on a leaf and returns it, for chaining. */
  requireGrad(flag = true): this {
    if (this.node !== null && !flag) {
      throw new ArgumentError(
        'requireGrad: cannot turn off gradients of a non-leaf tensor; use detach()',
      );
    }
    this.requiresGrad = flag;
    return this;
  }

  /** Clears `grad`. */
  zeroGrad(): void {
    this.grad = null;
  }

  /**
   * Back-propagates from this tensor: adds d(this)/d(t) to `t.grad` for every tensor `t` that
   * requires grad and that this tensor depends on. A non-scalar needs a `seed` of its shape
   * and dtype (a one-element output also takes a number). With `{ createGraph: true }` the
   * backward pass is itself recorded, for higher derivatives. Any other argument is an
   * `ArgumentError`, never ignored.
   */
  backward(seedOrOptions?: Tensor | number | BackwardOptions, options?: BackwardOptions): void {
    const args = backwardArguments(this, seedOrOptions, options);
    runBackward(this, args.seed, args.options);
  }

  /** Text in the style of numpy/torch: values (elided when large), shape, dtype and grad status. */
  toString(): string {
    const extra = [`shape=${formatShape(this.shape)}`, `dtype=${this.dtype}`];
    if (this.node) extra.push(`op=${this.node.op}`);
    else if (this.requiresGrad) extra.push('requiresGrad=true');
    return `tensor(${formatValues(this)}, ${extra.join(', ')})`;
  }

  /** Node's console shows `toString()`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/**
 * Replaces the storage of `t` by `data` of the same length, and its dtype by `data`'s: how
 * gradCheck turns a float32 input into its own float64 twin for a moment (and back). Internal.
 */
export function replaceStorage(t: Tensor, data: TypedArray): void {
  if (data.length !== t.size) {
    throw new ShapeError(`replaceStorage: expected ${t.size} elements, got ${data.length}`);
  }
  const writable = t as { dtype: DType };
  writable.dtype = dtypeOf(data, 'replaceStorage');
  writeStorage(t, data);
}

/**
 * The storage of `t` for code that only reads it, without handing it out: a sealed array stays
 * sealed. Internal: never write through it, never give it to code outside the library.
 */
export function storageOf(t: Tensor): TypedArray {
  return readStorage(t);
}

/**
 * A tensor over `data` that the library filled (or the storage of another tensor, for a view):
 * unlike `new Tensor(data, ...)`, which counts `data` as its caller's, it leaves the array
 * sealed until someone reads `data`. Internal.
 */
export function sealedTensor(
  data: TypedArray,
  shape: Shape,
  options: { requiresGrad?: boolean; node?: OpNode | null } = {},
): Tensor {
  internal = true;
  try {
    return new Tensor(data, shape, options);
  } finally {
    internal = false;
  }
}

/** Wraps the result of an op, recording `vjp` when grad mode is on and an input requires grad. */
export function fromOp(
  op: string,
  data: TypedArray,
  shape: Shape,
  inputs: readonly Tensor[],
  vjp: Vjp,
): Tensor {
  const record = isGradEnabled() && inputs.some((t) => t.requiresGrad);
  return sealedTensor(data, shape, record ? { requiresGrad: true, node: { op, inputs, vjp } } : {});
}
