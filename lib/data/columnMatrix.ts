import { Tensor } from '../autograd/index.js';
import { ArgumentError, formatShape, kindOf, NonFiniteError, ShapeError } from '../core/index.js';

/** A [n] or [n, d] tensor seen as n rows of d columns (a [n] tensor is one column). */
export interface ColumnMatrix {
  readonly rows: number;
  readonly cols: number;
}

/**
 * Rows and columns of `x` for a column-wise transform, checking that it is [n] or [n, d], that
 * it has `cols` columns when given, and that every value is finite (the error names the column).
 */
export function columnMatrix(x: Tensor, where: string, cols?: number): ColumnMatrix {
  if (!(x instanceof Tensor)) {
    throw new ArgumentError(
      `${where}: x must be a Tensor of shape [samples, features] or [samples], got ${kindOf(x)}; make one with tensor(...)`,
    );
  }
  if (x.rank !== 1 && x.rank !== 2) {
    throw new ShapeError(
      `${where}: expected a tensor of shape [samples, features] or [samples], got ${formatShape(x.shape)}`,
    );
  }
  const m = { rows: x.shape[0], cols: x.rank === 2 ? x.shape[1] : 1 };
  if (cols !== undefined && m.cols !== cols) {
    throw new ShapeError(
      `${where}: fitted on ${cols} columns, got ${m.cols} (shape ${formatShape(x.shape)})`,
    );
  }
  for (let i = 0; i < x.size; i++) {
    if (!Number.isFinite(x.data[i])) {
      throw new NonFiniteError(
        `${where}: column ${i % m.cols} holds ${x.data[i]} (row ${Math.floor(i / m.cols)}), expected finite values; clean or impute the data first`,
      );
    }
  }
  return m;
}
