import {
  ArgumentError,
  allocate,
  booleanOption,
  checkDType,
  checkOptions,
  checkShape,
  type DType,
  excerpt,
  formatShape,
  kindOf,
  MAX_ELEMENTS,
  Random,
  ShapeError,
  sizeOf,
  type TypedArray,
} from '../core/index.js';
import { type NestedArray, sealedTensor, Tensor } from './Tensor.js';

/** Options of the tensor-creating functions (`tensor`, `zeros`, `arange`, ...). */
export interface TensorOptions {
  /** `'float64'` (default; `tensor` of a `Float32Array` and the `…Like` functions keep the source's dtype) or `'float32'`. */
  dtype?: DType;
  /** Mark the tensor as a leaf whose gradient backward() computes. */
  requiresGrad?: boolean;
}

/** Options of `rand` and `randn`: the dtype, and where the samples come from (`seed` or `rng`, not both). */
export interface RandomOptions extends TensorOptions {
  /** Seed of the generator; the same seed gives the same values everywhere. Default 0. */
  seed?: number;
  /** Draw from this generator instead (its state advances). */
  rng?: Random;
}

/** Anything `tensor()` accepts. */
export type TensorData = number | NestedArray | readonly number[] | TypedArray;

/** The most dimensions a tensor made from nested arrays may have. */
const MAX_NESTING = 64;

function inferShape(values: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = values;
  while (Array.isArray(v)) {
    if (shape.length === MAX_NESTING) {
      throw new ShapeError(
        `tensor: nested arrays must be at most ${MAX_NESTING} levels deep, got more`,
      );
    }
    shape.push(v.length);
    v = v[0];
  }
  return shape;
}

const TENSOR_OPTIONS = ['dtype', 'requiresGrad'];

/** The dtype and requiresGrad of `options`, checked (unknown keys beyond `extra` rejected). */
function tensorOptions(
  options: TensorOptions | undefined,
  op: string,
  extra: readonly string[] = [],
  fallback: DType = 'float64',
): { dtype: DType; requiresGrad: boolean } {
  const o = checkOptions(options, [...TENSOR_OPTIONS, ...extra], op);
  return {
    dtype: checkDType(o.dtype ?? fallback, op),
    requiresGrad: booleanOption(o.requiresGrad, false, op, 'requiresGrad'),
  };
}

/** A typed array of plain numbers (not a DataView, not BigInt64Array). */
function isNumberArray(v: unknown): v is ArrayLike<number> {
  return (
    ArrayBuffer.isView(v) &&
    !(v instanceof DataView) &&
    !(v instanceof BigInt64Array) &&
    !(v instanceof BigUint64Array)
  );
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
  const typed = isNumberArray(values);
  const { dtype, requiresGrad } = tensorOptions(
    options,
    'tensor',
    ['shape'],
    values instanceof Float32Array ? 'float32' : 'float64',
  );
  const wanted = options?.shape === undefined ? undefined : checkShape(options.shape, 'tensor');
  let shape: number[];
  let data: TypedArray;
  if (typed) {
    const src = values as ArrayLike<number>;
    shape = wanted ?? [src.length];
    if (sizeOf(shape) !== src.length) {
      throw new ShapeError(
        `tensor: shape ${formatShape(shape)} holds ${sizeOf(shape)} elements, got ${src.length} values`,
      );
    }
    data = allocate(dtype, src.length, 'tensor');
    data.set(src);
  } else {
    if (typeof values !== 'number' && !Array.isArray(values)) {
      throw new ArgumentError(
        `tensor: expected a number, nested arrays or a typed array, got ${values === null ? 'null' : Array.isArray(values) ? 'an array' : typeof values}`,
      );
    }
    const inferred = inferShape(values as NestedArray);
    data = allocate(dtype, sizeOf(inferred), 'tensor');
    fill(values as NestedArray, inferred, data);
    shape = inferred;
    if (wanted) {
      if (sizeOf(wanted) !== data.length) {
        throw new ShapeError(
          `tensor: shape ${formatShape(wanted)} holds ${sizeOf(wanted)} elements, got ${data.length} values`,
        );
      }
      shape = wanted;
    }
  }
  return sealedTensor(data, shape, { requiresGrad });
}

function filled(op: string, shape: readonly number[], value: number, options: TensorOptions) {
  const s = checkShape(shape, op);
  const { dtype, requiresGrad } = tensorOptions(options, op);
  if (typeof value !== 'number') {
    throw new ArgumentError(`${op}: value must be a number, got ${kindOf(value)}`);
  }
  const data = allocate(dtype, sizeOf(s), op);
  data.fill(value);
  return sealedTensor(data, s, { requiresGrad });
}

/** A tensor of `shape` filled with `value` (a number; NaN and ±Infinity included). */
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
  const x = expectTensorArg(t, 'zerosLike');
  return filled('zerosLike', x.shape, 0, { dtype: x.dtype, ...options });
}

/** Ones with the shape and dtype of `t`. */
export function onesLike(t: Tensor, options: TensorOptions = {}): Tensor {
  const x = expectTensorArg(t, 'onesLike');
  return filled('onesLike', x.shape, 1, { dtype: x.dtype, ...options });
}

function expectTensorArg(t: unknown, op: string): Tensor {
  if (t instanceof Tensor) return t;
  throw new ArgumentError(`${op}: t must be a Tensor, got ${kindOf(t)}`);
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
  const finite = [start, stop, step].every((v) => typeof v === 'number' && Number.isFinite(v));
  if (!finite || step === 0) {
    throw new ArgumentError(
      `arange: start, stop and a non-zero step must be finite, got ${excerpt(start)}, ${excerpt(stop)}, ${excerpt(step)}`,
    );
  }
  const { dtype, requiresGrad } = tensorOptions(options, 'arange');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  if (n > MAX_ELEMENTS) {
    throw new ArgumentError(
      `arange: [${start}, ${stop}) in steps of ${step} has ${n} values, expected at most ${MAX_ELEMENTS}`,
    );
  }
  const data = allocate(dtype, n, 'arange');
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return sealedTensor(data, [n], { requiresGrad });
}

/** `n` evenly spaced values from `start` to `stop` inclusive. */
export function linspace(
  start: number,
  stop: number,
  n: number,
  options: TensorOptions = {},
): Tensor {
  if (typeof start !== 'number' || typeof stop !== 'number') {
    throw new ArgumentError(
      `linspace: start and stop must be numbers, got ${excerpt(start)} and ${excerpt(stop)}`,
    );
  }
  if (!Number.isInteger(n) || n < 0)
    throw new ArgumentError(`linspace: n must be a non-negative integer, got ${excerpt(n)}`);
  if (n > MAX_ELEMENTS)
    throw new ArgumentError(`linspace: n must be at most ${MAX_ELEMENTS}, got ${excerpt(n)}`);
  const { dtype, requiresGrad } = tensorOptions(options, 'linspace');
  const data = allocate(dtype, n, 'linspace');
  for (let i = 0; i < n; i++) data[i] = n === 1 ? start : start + ((stop - start) * i) / (n - 1);
  return sealedTensor(data, [n], { requiresGrad });
}

/** The n×n identity (or n×m with ones on the diagonal). */
export function eye(n: number, m = n, options: TensorOptions = {}): Tensor {
  const s = checkShape([n, m], 'eye');
  const { dtype, requiresGrad } = tensorOptions(options, 'eye');
  const data = allocate(dtype, n * m, 'eye');
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return sealedTensor(data, s, { requiresGrad });
}

function randomTensor(
  op: string,
  shape: readonly number[],
  options: RandomOptions,
  extra: readonly string[],
  draw: (r: Random) => number,
): Tensor {
  const s = checkShape(shape, op);
  const { dtype, requiresGrad } = tensorOptions(options, op, ['seed', 'rng', ...extra]);
  const { rng: given, seed } = options ?? {};
  if (given !== undefined && seed !== undefined) {
    throw new ArgumentError(`${op}: pass either seed or rng, not both; got both`);
  }
  if (given !== undefined && !(given instanceof Random)) {
    throw new ArgumentError(`${op}: rng must be a Random, got ${kindOf(given)}`);
  }
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isFinite(seed))) {
    throw new ArgumentError(`${op}: seed must be a finite number, got ${excerpt(seed)}`);
  }
  const rng = given ?? new Random(seed ?? 0);
  const data = allocate(dtype, sizeOf(s), op);
  for (let i = 0; i < data.length; i++) data[i] = draw(rng);
  return sealedTensor(data, s, { requiresGrad });
}

function finiteOption(value: unknown, fallback: number, op: string, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ArgumentError(`${op}: ${name} must be a finite number, got ${kindOf(value)}`);
  }
  return value;
}

/** Standard normal samples (`mean`, `std` to shift and scale), seeded. */
export function randn(
  shape: readonly number[],
  options: RandomOptions & { mean?: number; std?: number } = {},
): Tensor {
  const mean = finiteOption(options?.mean, 0, 'randn', 'mean');
  const std = finiteOption(options?.std, 1, 'randn', 'std');
  if (std < 0) throw new ArgumentError(`randn: std must be non-negative, got ${excerpt(std)}`);
  return randomTensor('randn', shape, options, ['mean', 'std'], (r) => mean + std * r.normal());
}

/** Uniform samples in [low, high) (default [0, 1)), seeded. */
export function rand(
  shape: readonly number[],
  options: RandomOptions & { low?: number; high?: number } = {},
): Tensor {
  const low = finiteOption(options?.low, 0, 'rand', 'low');
  const high = finiteOption(options?.high, 1, 'rand', 'high');
  if (!(high > low))
    throw new ArgumentError(`rand: high must be greater than low, got low=${low}, high=${high}`);
  return randomTensor(
    'rand',
    shape,
    options,
    ['low', 'high'],
    (r) => low + (high - low) * r.uniform(),
  );
}
