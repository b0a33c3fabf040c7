import { Tensor } from '../autograd/index.js';
import { ArgumentError, formatShape, ShapeError } from '../core/index.js';
import { type Cell, isTable, type Table } from './Table.js';

/** What the encoders accept: a tensor ([n] or [n, d]), a `Table`, rows of cells, or one column of cells. */
export type EncoderInput = Tensor | Table | readonly (readonly Cell[])[] | readonly Cell[];

/** Encoder input seen as `rows` × `cols` cells, with its column names when it has them. */
export interface CellRows {
  readonly rows: number;
  readonly cols: number;
  readonly names: readonly string[] | undefined;
  readonly at: (i: number, j: number) => Cell;
}

/** Views `data` as rows of cells; rows of unequal length are a `ShapeError`. */
export function cellRows(data: EncoderInput, where: string): CellRows {
  if (data instanceof Tensor) {
    if (data.rank !== 1 && data.rank !== 2) {
      throw new ShapeError(
        `${where}: expected a tensor of shape [samples, columns] or [samples], got ${formatShape(data.shape)}`,
      );
    }
    const cols = data.rank === 2 ? data.shape[1] : 1;
    const d = data.data;
    return { rows: data.shape[0], cols, names: undefined, at: (i, j) => d[i * cols + j] };
  }
  const table = isTable(data) ? data : undefined;
  const rows = table ? table.rows : data;
  if (!Array.isArray(rows)) {
    throw new ArgumentError(
      `${where}: expected a tensor, a table { names, rows } or an array of rows, got ${typeof data}`,
    );
  }
  if (!table && (rows.length === 0 || !Array.isArray(rows[0]))) {
    const column = rows as readonly Cell[];
    return { rows: column.length, cols: 1, names: undefined, at: (i) => column[i] };
  }
  const grid = rows as readonly (readonly Cell[])[];
  const cols = table ? table.names.length : (grid[0]?.length ?? 0);
  grid.forEach((r, i) => {
    if (!Array.isArray(r) || r.length !== cols) {
      throw new ShapeError(
        `${where}: row ${i} has ${Array.isArray(r) ? r.length : 'no'} cells, expected ${cols}`,
      );
    }
  });
  return { rows: grid.length, cols, names: table?.names, at: (i, j) => grid[i][j] };
}
