import { ShapeError, type TypedArray } from '../core/index.js';
import type { MatrixView } from './Backend.js';

/** The sizes of a product op(a)·op(b) = out: op(a) is m×k, op(b) is k×n. */
export interface ProductDims {
  readonly m: number;
  readonly k: number;
  readonly n: number;
}

/**
 * A view of the matrix that starts at `offset` in `data` (rows × cols as stored); `data` itself
 * when it is exactly that matrix, so the common unbatched product allocates no subarray.
 * `stable`: see MatrixView.stable.
 */
export function matrixView(
  data: TypedArray,
  rows: number,
  cols: number,
  transposed: boolean,
  offset = 0,
  stable = false,
): MatrixView {
  const size = rows * cols;
  const whole = offset === 0 && data.length === size;
  const view = whole ? data : data.subarray(offset, offset + size);
  // a subarray is a new object at every call: only a whole array can be kept between calls
  return { data: view, rows, cols, transposed, stable: stable && whole };
}

const used = (v: MatrixView): [number, number] =>
  v.transposed ? [v.cols, v.rows] : [v.rows, v.cols];

/**
 * The sizes of op(a)·op(b) into `out`; throws a ShapeError naming what disagrees (inner sizes,
 * a view's length against its rows × cols, or `out`'s length against m × n).
 */
export function productDims(a: MatrixView, b: MatrixView, out: TypedArray): ProductDims {
  const [m, k] = used(a);
  const [k2, n] = used(b);
  if (k !== k2) {
    throw new ShapeError(
      `matmul kernel: inner sizes differ, op(a) is ${m}×${k} and op(b) is ${k2}×${n}`,
    );
  }
  for (const [name, v] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (v.data.length !== v.rows * v.cols) {
      throw new ShapeError(
        `matmul kernel: ${name} holds ${v.data.length} elements, expected ${v.rows}×${v.cols} = ${v.rows * v.cols}`,
      );
    }
  }
  if (out.length !== m * n) {
    throw new ShapeError(
      `matmul kernel: out holds ${out.length} elements, expected ${m}×${n} = ${m * n}`,
    );
  }
  return { m, k, n };
}
