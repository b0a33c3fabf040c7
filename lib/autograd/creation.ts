import {
  ArgumentError,
  allocate,
  checkDType,
  checkShape,
  type DType,
  excerpt,
  formatShape,
  Random,
  ShapeError,
  sizeOf,
  type TypedArray,
} from '../core/index.js';
import { type NestedArray, Tensor } from './Tensor.js';

export interface TensorOptions {
  /** `'float64'` (default) or `'float32'`. */
  dtype?: DType;
  /** Mark the tensor as a leaf whose gradient backward() computes. */
  requiresGrad?: boolean;
}

export interface RandomOptions extends TensorOptions {
  /** Seed of the generator; the same seed gives the same values everywhere. Default 0. */
  seed?: number;
  /** Draw from this generator instead (its state advances). */
  rng?: Random;
}

/** Anything `tensor()` accepts. */
export type TensorData = number | NestedArray | readonly number[] | TypedArray;

function inferShape(values: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  return shape;
}

function fill(values: NestedArray, shape: number[], out: TypedArray): void {
  let k = 0;
  const walk = (v: NestedArray, dim: number, path: number[]): void => {
    if (dim === shape.length) {
      if (typeof v !== 'number') {
        throw new ArgumentError(
          `tensor: expected a number at [${path.join(',')}], got ${Array.isArray(v) ? 'an array (ragged nesting)' : excerpt(v)}`,
        );
      }
      out[k++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim]) {
      throw new ShapeError(
        `tensor: ragged nested array: expected ${shape[dim]} elements at [${path.join(',')}] (shape ${formatShape(shape)}), got ${Array.isArray(v) ? v.length : excerpt(v)}`,
      );
    }
    for (let i = 0; i < v.length; i++) walk(v[i], dim + 1, [...path, i]);
  };
  walk(values, 0, []);
}

/**
 * Creates a tensor from a number, nested arrays, or a typed array (copied) with an optional `shape`.
 *
 * @example
 * const w = tensor([[1, -1, 5]], { requiresGrad: true });
 * const x = tensor(new Float32Array(6), { shape: [2, 3] });
 */
export function tensor(
  values: TensorData,
  options: TensorOptions & { shape?: readonly number[] } = {},
): Tensor {
  const isTyped = values instanceof Float32Array || values instanceof Float64Array;
  const dtype = checkDType(
    options.dtype ?? (values instanceof Float32Array ? 'float32' : 'float64'),
    'tensor',
  );
  let shape: number[];
  let data: TypedArray;
  if (isTyped || ArrayBuffer.isView(values)) {
    const src = values as unknown as ArrayLike<number>;
    shape = options.shape ? checkShape(options.shape, 'tensor') : [src.length];
    if (sizeOf(shape) !== src.length) {
      throw new ShapeError(
        `tensor: shape ${formatShape(shape)} holds ${sizeOf(shape)} elements, got ${src.length} values`,
      );
    }
    data = allocate(dtype, src.length);
    data.set(src);
  } else {
    if (typeof values !== 'number' && !Array.isArray(values)) {
      throw new ArgumentError(
        `tensor: expected a number, nested arrays or a typed array, got ${typeof values}`,
      );
    }
    const inferred = inferShape(values as NestedArray);
    data = allocate(dtype, sizeOf(inferred));
    fill(values as NestedArray, inferred, data);
    shape = inferred;
    if (options.shape) {
      const wanted = checkShape(options.shape, 'tensor');
      if (sizeOf(wanted) !== data.length) {
        throw new ShapeError(
          `tensor: shape ${formatShape(wanted)} holds ${sizeOf(wanted)} elements, got ${data.length} values`,
        );
      }
      shape = wanted;
    }
  }
  return new Tensor(data, shape, { requiresGrad: options.requiresGrad ?? false });
}

function filled(op: string, shape: readonly number[], value: number, options: TensorOptions) {
  const s = checkShape(shape, op);
  const data = allocate(checkDType(options.dtype ?? 'float64', op), sizeOf(s));
  data.fill(value);
  return new Tensor(data, s, { requiresGrad: options.requiresGrad ?? false });
}

/** A tensor of `shape` filled with `value`. */
export function full(shape: readonly number[], value: number, options: TensorOptions = {}): Tensor {
  return filled('full', shape, value, options);
}

/** A tensor of zeros. */
export function zeros(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return filled('zeros', shape, 0, options);
}

/** A tensor of ones. */
export function ones(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return filled('ones', shape, 1, options);
}

/** Zeros with the shape and dtype of `t`. */
export function zerosLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return full(t.shape, 0, { dtype: t.dtype, ...options });
}

/** Ones with the shape and dtype of `t`. */
export function onesLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return full(t.shape, 1, { dtype: t.dtype, ...options });
}

/** Values `start, start+step, …` below `stop`, as numpy's arange; `arange(n)` is 0..n-1. */
export function arange(
  start: number,
  stop?: number,
  step = 1,
  options: TensorOptions = {},
): Tensor {
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  if (!Number.isFinite(start) || !Number.isFinite(stop) || !Number.isFinite(step) || step === 0) {
    throw new ArgumentError(
      `arange: start, stop and a non-zero step must be finite, got ${start}, ${stop}, ${step}`,
    );
  }
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const data = allocate(checkDType(options.dtype ?? 'float64', 'arange'), n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return new Tensor(data, [n], { requiresGrad: options.requiresGrad ?? false });
}

/** `n` evenly spaced values from `start` to `stop` inclusive. */
export function linspace(
  start: number,
  stop: number,
  n: number,
  options: TensorOptions = {},
): Tensor {
  if (!Number.isInteger(n) || n < 0)
    throw new ArgumentError(`linspace: n must be a non-negative integer, got ${n}`);
  const data = allocate(checkDType(options.dtype ?? 'float64', 'linspace'), n);
  for (let i = 0; i < n; i++) data[i] = n === 1 ? start : start + ((stop - start) * i) / (n - 1);
  return new Tensor(data, [n], { requiresGrad: options.requiresGrad ?? false });
}

/** The n×n identity (or n×m with ones on the diagonal). */
export function eye(n: number, m = n, options: TensorOptions = {}): Tensor {
  const s = checkShape([n, m], 'eye');
  const data = allocate(checkDType(options.dtype ?? 'float64', 'eye'), n * m);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return new Tensor(data, s, { requiresGrad: options.requiresGrad ?? false });
}

function randomTensor(
  op: string,
  shape: readonly number[],
  options: RandomOptions,
  draw: (r: Random) => number,
): Tensor {
  const s = checkShape(shape, op);
  const rng = options.rng ?? new Random(options.seed ?? 0);
  const data = allocate(checkDType(options.dtype ?? 'float64', op), sizeOf(s));
  for (let i = 0; i < data.length; i++) data[i] = draw(rng);
  return new Tensor(data, s, { requiresGrad: options.requiresGrad ?? false });
}

/** Standard normal samples (`mean`, `std` to shift and scale), seeded. */
export function randn(
  shape: readonly number[],
  options: RandomOptions & { mean?: number; std?: number } = {},
): Tensor {
  const { mean = 0, std = 1 } = options;
  return randomTensor('randn', shape, options, (r) => mean + std * r.normal());
}

/** Uniform samples in [low, high) (default [0, 1)), seeded. */
export function rand(
  shape: readonly number[],
  options: RandomOptions & { low?: number; high?: number } = {},
): Tensor {
  const { low = 0, high = 1 } = options;
  if (!(high > low))
    throw new ArgumentError(`rand: high must be greater than low, got low=${low}, high=${high}`);
  return randomTensor('rand', shape, options, (r) => low + (high - low) * r.uniform());
}
