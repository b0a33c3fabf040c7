import { DTypeError, ShapeError } from './errors.js';
import { excerpt } from './excerpt.js';

/** Element type of a tensor: `'float64'` (the default, as in numpy) or `'float32'` (opt-in, faster). */
export type DType = 'float32' | 'float64';

/** The storage of a tensor: a contiguous row-major typed array. */
export type TypedArray = Float32Array | Float64Array;

export const DTYPES: readonly DType[] = ['float32', 'float64'];

/** numpy's promotion for two floating dtypes: the wider one wins. */
export function promoteTypes(a: DType, b: DType): DType {
  return a === 'float64' || b === 'float64' ? 'float64' : 'float32';
}

/**
 * The most elements one tensor may hold: 2³¹ − 1, what 32-bit indices (the WebAssembly kernels')
 * reach. NOTE: larger typed arrays may be created lazily and then fail, or be killed by the
 * system, when first written; a named error up front is better.
 */
export const MAX_ELEMENTS = 2 ** 31 - 1;

/**
 * Allocates a zero-filled array of `size` elements for `dtype`. More than `MAX_ELEMENTS`, or an
 * allocation the engine refuses, is a `ShapeError` naming `where` (the function called).
 */
export function allocate(dtype: DType, size: number, where = 'allocate'): TypedArray {
  if (!(size <= MAX_ELEMENTS)) {
    throw new ShapeError(
      `${where}: the result would hold ${size} elements, expected at most ${MAX_ELEMENTS} (2^31 - 1)`,
    );
  }
  try {
    return dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
  } catch (e) {
    throw new ShapeError(
      `${where}: cannot allocate ${size} ${dtype} elements (${size * (dtype === 'float64' ? 8 : 4)} bytes): ${(e as Error).message}`,
      { cause: e },
    );
  }
}

/** The dtype of a typed array, or a `DTypeError` naming `where` for anything else. */
export function dtypeOf(data: unknown, where: string): DType {
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Float32Array) return 'float32';
  const found = (data as { constructor?: { name?: string } })?.constructor?.name ?? typeof data;
  throw new DTypeError(`${where}: expected a Float32Array or Float64Array, got ${found}`);
}

/** Checks that `dtype` names a supported dtype. */
export function checkDType(dtype: unknown, where: string): DType {
  if (dtype === 'float32' || dtype === 'float64') return dtype;
  throw new DTypeError(`${where}: dtype must be 'float32' or 'float64', got ${excerpt(dtype)}`);
}
