import Papa from 'papaparse';
import {
  ArgumentError,
  checkOptions,
  excerpt,
  FormatError,
  kindOf,
  NonFiniteError,
} from '../core/index.js';
import { resolveColumns } from './resolveColumn.js';
import type { Cell, ColumnRef, Table } from './Table.js';

/** Options of `readCsv` (and, through it, of `loadCsv`). */
export interface ReadCsvOptions {
  /** Number of rows before the data (non-empty lines). Default 1. */
  headerRows?: number;
  /** Which of the header rows (0-based) holds the column names; `null`: none. Default: the last header row. */
  namesRow?: number | null;
  /** Column names to use instead of a names row. Without either, columns are named `'0'`, `'1'`, ... */
  columnNames?: readonly string[];
  /** Field delimiter. Default `','`. */
  delimiter?: string;
  /** Columns to keep (names or indices), in this order. Default: all. */
  columns?: readonly ColumnRef[];
  /** Columns kept as strings (categories) instead of being converted to numbers. */
  categorical?: readonly ColumnRef[];
  /**
   * What to do with a missing value (an empty cell, `NaN` or `NA`) in a kept column:
   * `'error'` (default) throws a `FormatError` naming the line and column; `'drop'` drops the row.
   */
  missing?: 'error' | 'drop';
}

/** A parsed CSV: column names, rows of cells, the raw header rows and the line of each row. */
export interface CsvTable extends Table {
  /** The header rows as read (e.g. a `n_samples,n_features,class names...` line). */
  readonly header: readonly (readonly string[])[];
  /** The 1-based line in the text where each kept row starts. */
  readonly lines: readonly number[];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MISSING = /^(?:|nan|na)$/i;
const INFINITE = /^[+-]?(?:inf|infinity)$/i;

/** The options `readCsv` knows (and `loadCsv`, but for `columns`). */
export const READ_CSV_OPTIONS = [
  'headerRows',
  'namesRow',
  'columnNames',
  'delimiter',
  'columns',
  'categorical',
  'missing',
];

/** The CSV text, or an `ArgumentError` naming `where`. */
export function checkedText(text: unknown, where: string): string {
  if (typeof text !== 'string') {
    throw new ArgumentError(`${where}: expected the CSV text as a string, got ${kindOf(text)}`);
  }
  return text;
}

interface RawRow {
  readonly fields: string[];
  readonly line: number;
}

function parseRows(text: string, delimiter: string, where: string): RawRow[] {
  if (typeof text !== 'string') {
    throw new ArgumentError(`${where}: expected the CSV text as a string, got ${typeof text}`);
  }
  // NOTE: a byte-order mark (Excel's "CSV UTF-8") is not part of the first name; and line
  // endings are made uniform first, since papaparse takes the first one it sees for all lines
  // (mixed CRLF and LF would merge rows into one cell).
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: RawRow[] = [];
  let cursor = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
    step: (result) => {
      const start = line;
      const end = result.meta.cursor;
      for (let i = cursor; i < end; i++) if (body.charCodeAt(i) === 10) line++;
      cursor = end;
      const error = result.errors[0];
      if (error) {
        throw new FormatError(`${where}: line ${start}: ${error.message.toLowerCase()}`);
      }
      const fields = result.data;
      if (fields.length === 1 && fields[0].trim() === '') return;
      rows.push({ fields, line: start });
    },
  });
  return rows;
}

function checkCount(value: unknown, where: string, what: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) {
    throw new ArgumentError(
      `${where}: ${what} must be a non-negative integer, got ${excerpt(value)}`,
    );
  }
  return value as number;
}

/** One line, no delimiter-like character, ending like a file: `houses.csv`, `./data/x.tsv`. */
function looksLikeFileName(text: string): boolean {
  return !/[\n,;\t]/.test(text) && /\.(csv|tsv|txt)(\.gz)?$/i.test(text.trim());
}

/**
 * Shared by `readCsv` and `loadCsv`; `where` names the public function in errors, and `choose`
 * (given the column names) picks the kept columns instead of `options.columns`.
 */
export function parseCsvTable(
  text: string,
  options: ReadCsvOptions,
  where: string,
  choose?: (names: readonly string[]) => number[],
  float32 = false,
): CsvTable {
  if (typeof text !== 'string') {
    throw new ArgumentError(
      `${where}: text must be the CSV's contents as a string, got ${typeof text}`,
    );
  }
  if (looksLikeFileName(text)) {
    throw new ArgumentError(
      `${where}: text must be the CSV's contents, got ${JSON.stringify(text)}, which looks like a file name: in Node read the file with ${where}File(path, options) from rxgrad/node; in a browser, fetch it and pass its text`,
    );
  }
  const headerRows = checkCount(options.headerRows ?? 1, where, 'headerRows');
  const namesRow =
    options.namesRow === undefined ? (headerRows > 0 ? headerRows - 1 : null) : options.namesRow;
  if (
    namesRow !== null &&
    (!Number.isInteger(namesRow) || namesRow < 0 || namesRow >= headerRows)
  ) {
    throw new ArgumentError(
      `${where}: namesRow must be null or an index below headerRows (${headerRows}), got ${excerpt(namesRow)}`,
    );
  }
  const missing = options.missing ?? 'error';
  if (missing !== 'error' && missing !== 'drop') {
    throw new ArgumentError(`${where}: missing must be 'error' or 'drop', got ${excerpt(missing)}`);
  }
  const delimiter = options.delimiter ?? ',';
  if (typeof delimiter !== 'string' || delimiter.length === 0) {
    throw new ArgumentError(
      `${where}: delimiter must be a non-empty string, got ${excerpt(delimiter)}`,
    );
  }

  const raw = parseRows(text, delimiter, where);
  if (raw.length < headerRows) {
    throw new FormatError(
      `${where}: expected ${headerRows} header rows, found ${raw.length} non-empty lines`,
    );
  }
  const header = raw.slice(0, headerRows).map((r) => r.fields);
  const data = raw.slice(headerRows);
  let names: string[] | undefined;
  if (options.columnNames) names = [...options.columnNames];
  else if (namesRow !== null) names = header[namesRow].map((s) => s.trim());
  const width = names?.length ?? data[0]?.fields.length ?? 0;
  for (const row of data) {
    if (row.fields.length !== width) {
      throw new FormatError(
        `${where}: line ${row.line} has ${row.fields.length} fields, expected ${width}${names ? ` (${options.columnNames ? 'columnNames' : 'header names'})` : ' (as the first data line)'}`,
      );
    }
  }
  const columnNames = names ?? Array.from({ length: width }, (_, i) => String(i));
  const kept = choose
    ? choose(columnNames)
    : options.columns
      ? resolveColumns(options.columns, columnNames, width, where, 'columns')
      : columnNames.map((_, i) => i);
  const categorical = new Set(
    resolveColumns(options.categorical ?? [], columnNames, width, where, 'categorical'),
  );

  const rows: Cell[][] = [];
  const lines: number[] = [];
  rowLoop: for (const { fields, line } of data) {
    const cells: Cell[] = new Array(kept.length);
    for (let k = 0; k < kept.length; k++) {
      const c = kept[k];
      const text = fields[c].trim();
      const at = () => `line ${line}, column "${columnNames[c]}" (index ${c})`;
      if (MISSING.test(text)) {
        if (missing === 'drop') continue rowLoop;
        throw new FormatError(
          `${where}: missing value ${excerpt(fields[c])} at ${at()}; pass missing: 'drop' to drop such rows (expected a value in every kept cell)`,
        );
      }
      if (categorical.has(c)) cells[k] = text;
      else if (NUMBER.test(text)) {
        const v = Number(text);
        // NOTE: 1e400 parses as Infinity: as non-finite as a cell reading inf.
        if (!Number.isFinite(v) || (float32 && !Number.isFinite(Math.fround(v)))) {
          throw new NonFiniteError(
            `${where}: ${excerpt(text)} at ${at()} overflows${float32 ? ' float32' : ''} to ${v > 0 ? '' : '-'}Infinity, expected a finite number`,
          );
        }
        cells[k] = v;
      } else if (INFINITE.test(text)) {
        throw new NonFiniteError(
          `${where}: non-finite value ${excerpt(text)} at ${at()}, expected a finite number`,
        );
      } else {
        throw new FormatError(
          `${where}: ${excerpt(text)} at ${at()} is not a number; list the column in categorical to keep it as text`,
        );
      }
    }
    rows.push(cells);
    lines.push(line);
  }
  return { names: kept.map((c) => columnNames[c]), rows, header, lines };
}

/**
 * Parses CSV text into a `Table` of rows (with papaparse): numeric columns become numbers,
 * columns listed in `categorical` stay strings. Errors name the line and column of a bad value.
 *
 * @example
 * const t = readCsv('colour,size\nred,1\nblue,2\n', { categorical: ['colour'] });
 * t.rows; // [['red', 1], ['blue', 2]]
 */
export function readCsv(text: string, options: ReadCsvOptions = {}): CsvTable {
  return parseCsvTable(
    checkedText(text, 'readCsv'),
    checkOptions(options, READ_CSV_OPTIONS, 'readCsv'),
    'readCsv',
  );
}
