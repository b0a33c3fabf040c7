/** One cell of a table: a number, or a string for a categorical column. */
export type Cell = number | string;

/** A column named by its header name or by its 0-based index (negative counts from the end). */
export type ColumnRef = number | string;

/**
 * Rows of cells with column names, as `readCsv` returns them: numeric columns hold numbers,
 * categorical columns hold strings. Encoders (`oneHotEncoder`) accept it and return tensors.
 *
 * @example
 * const t: Table = { names: ['colour', 'size'], rows: [['red', 1], ['blue', 2]] };
 */
export interface Table {
  /** The column names, one per cell of a row. */
  readonly names: readonly string[];
  /** The rows, each a list of cells in column order. */
  readonly rows: readonly (readonly Cell[])[];
}

/** True for a `{ names, rows }` table. */
export function isTable(data: unknown): data is Table {
  return (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as Table).names) &&
    Array.isArray((data as Table).rows)
  );
}
