import { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  allocate,
  checkDType,
  checkOptions,
  type DType,
  excerpt,
  NonFiniteError,
  ShapeError,
} from '../core/index.js';
import { cellRows, type EncoderInput } from './cellRows.js';
import { compareCells, formatCell } from './compareCells.js';
import { resolveColumns } from './resolveColumn.js';
import { checkState } from './stateChecks.js';
import type { Cell, ColumnRef } from './Table.js';

/** Plain-data fitted state of a `OneHotEncoder` (JSON-safe). */
export interface OneHotEncoderState {
  /** The kind of state: `'oneHotEncoder'`. */
  readonly name: 'oneHotEncoder';
  /** Number of input columns. */
  readonly width: number;
  /** Indices of the encoded input columns; the others pass through. */
  readonly columns: readonly number[];
  /** Categories of each encoded column, in output order. */
  readonly categories: readonly (readonly Cell[])[];
  /** What `transform` does with a category not seen by `fit`: throw (`'error'`) or encode as zeros (`'ignore'`). */
  readonly unknown: 'error' | 'ignore';
  /** Input column names, when they were known at fit. */
  readonly inputNames: readonly string[] | null;
}

/** Options of `oneHotEncoder`. */
export interface OneHotEncoderOptions {
  /** Columns to encode (names or indices); the others pass through as numbers. Default: all. */
  columns?: readonly ColumnRef[];
  /** A category not seen by `fit`: `'error'` (default) throws, `'ignore'` encodes it as all zeros. */
  unknown?: 'error' | 'ignore';
  /** dtype of the output. Default: the input tensor's dtype, else `'float64'`. */
  dtype?: DType;
}

function checkUnknown(u: unknown, where: string): 'error' | 'ignore' {
  if (u !== 'error' && u !== 'ignore') {
    throw new ArgumentError(`${where}: unknown must be 'error' or 'ignore', got ${excerpt(u)}`);
  }
  return u;
}

/**
 * Replaces each chosen column by one indicator column per category learnt at `fit`
 * (numbers or strings, sorted), in place; the other columns pass through unchanged.
 * Category c of a column becomes [0, …, 1, …, 0] with the 1 at c's position.
 *
 * @example
 * const enc = oneHotEncoder({ columns: ['colour'] }).fit({ names: ['colour', 'size'], rows: [['red', 1], ['blue', 2]] });
 * enc.transform([['red', 5]]).toArray(); // [[0, 1, 5]]
 * enc.featureNames(); // ['colour=blue', 'colour=red', 'size']
 */
export class OneHotEncoder {
  private fittedState: OneHotEncoderState | null = null;
  private readonly columnRefs: readonly ColumnRef[] | undefined;
  private readonly unknownPolicy: 'error' | 'ignore';
  private readonly dtype: DType | undefined;

  constructor(options: OneHotEncoderOptions = {}) {
    checkOptions(options, ['columns', 'unknown', 'dtype'], 'oneHotEncoder');
    this.columnRefs = options.columns;
    this.unknownPolicy = checkUnknown(options.unknown ?? 'error', 'oneHotEncoder');
    this.dtype =
      options.dtype === undefined ? undefined : checkDType(options.dtype, 'oneHotEncoder');
  }

  /** True once `fit` or `loadState` ran. */
  get fitted(): boolean {
    return this.fittedState !== null;
  }

  /** The policy for categories not seen by `fit` (from the options, or from a loaded state). */
  get unknown(): 'error' | 'ignore' {
    return this.fittedState?.unknown ?? this.unknownPolicy;
  }

  /** The categories of each encoded column. */
  get categories(): readonly (readonly Cell[])[] {
    return this.fitted_('categories').categories;
  }

  /**
   * Learns the categories of the chosen columns. `names` names the columns of a tensor or of
   * plain rows (a `Table` brings its own) so that `columns` can refer to them by name.
   */
  fit(data: EncoderInput, names?: readonly string[]): this {
    const where = 'oneHotEncoder.fit';
    const m = cellRows(data, where);
    if (m.rows === 0)
      throw new ArgumentError(
        `${where}: no rows to learn categories from (expected at least one, got none)`,
      );
    const inputNames = m.names ?? names;
    if (inputNames && inputNames.length !== m.cols) {
      throw new ArgumentError(`${where}: ${inputNames.length} names for ${m.cols} columns`);
    }
    const columns = this.columnRefs
      ? resolveColumns(
          this.columnRefs,
          inputNames ?? defaultNames(m.cols),
          m.cols,
          where,
          'columns',
        )
      : defaultNames(m.cols).map((_, j) => j);
    const categories = columns.map((j) => {
      const seen = new Set<Cell>();
      for (let i = 0; i < m.rows; i++) seen.add(checkCategory(m.at(i, j), i, j, inputNames, where));
      return [...seen].sort(compareCells);
    });
    this.fittedState = {
      name: 'oneHotEncoder',
      width: m.cols,
      columns,
      categories,
      unknown: this.unknownPolicy,
      inputNames: inputNames ? [...inputNames] : null,
    };
    return this;
  }

  /** The encoded columns in place of the originals, the others as they are. */
  transform(data: EncoderInput): Tensor {
    const where = 'oneHotEncoder.transform';
    const s = this.fitted_('transform');
    const m = cellRows(data, where);
    if (m.cols !== s.width) {
      throw new ShapeError(`${where}: fitted on ${s.width} columns, got ${m.cols}`);
    }
    const names = s.inputNames ?? undefined;
    const lookup = new Map<number, Map<Cell, number>>(
      s.columns.map((j, k) => [j, new Map(s.categories[k].map((c, p) => [c, p]))]),
    );
    const outCols = this.outputWidth(s);
    const dtype = this.dtype ?? (data instanceof Tensor ? data.dtype : 'float64');
    const out = allocate(dtype, m.rows * outCols, 'oneHotEncoder.transform');
    for (let i = 0; i < m.rows; i++) {
      let o = i * outCols;
      for (let j = 0; j < m.cols; j++) {
        const cats = lookup.get(j);
        const v = m.at(i, j);
        if (!cats) {
          if (typeof v !== 'number') {
            throw new ArgumentError(
              `${where}: ${columnLabel(j, names)} holds text ${formatCell(v)} at row ${i}; list it in columns to encode it`,
            );
          }
          if (!Number.isFinite(v)) {
            throw new NonFiniteError(`${where}: ${columnLabel(j, names)} holds ${v} at row ${i}`);
          }
          out[o++] = v;
          continue;
        }
        const p = cats.get(checkCategory(v, i, j, names, where));
        if (p !== undefined) out[o + p] = 1;
        else if (s.unknown === 'error') {
          throw new ArgumentError(
            `${where}: unknown category ${formatCell(v)} in ${columnLabel(j, names)} at row ${i}; known: ${[...cats.keys()].map(formatCell).join(', ')}; pass unknown: 'ignore' to encode it as zeros`,
          );
        }
        o += cats.size;
      }
    }
    return new Tensor(out, [m.rows, outCols]);
  }

  /** `fit(data, names)` then `transform(data)`. */
  fitTransform(data: EncoderInput, names?: readonly string[]): Tensor {
    return this.fit(data, names).transform(data);
  }

  /** Names of the output columns: `name=category` for indicators, `name` for passed-through columns. */
  featureNames(inputNames?: readonly string[]): string[] {
    const s = this.fitted_('featureNames');
    const names = inputNames ?? s.inputNames ?? defaultNames(s.width);
    if (names.length !== s.width) {
      throw new ArgumentError(
        `oneHotEncoder.featureNames: ${names.length} names for ${s.width} columns`,
      );
    }
    return names.flatMap((name, j) => {
      const k = s.columns.indexOf(j);
      return k < 0 ? [name] : s.categories[k].map((c) => `${name}=${c}`);
    });
  }

  /** The fitted state as plain data. */
  state(): OneHotEncoderState {
    return structuredClone(this.fitted_('state'));
  }

  /** Restores a state from `state()`; an error naming the bad key leaves the encoder unchanged. */
  loadState(state: OneHotEncoderState): this {
    const where = 'oneHotEncoder.loadState';
    const keys = ['width', 'columns', 'categories', 'unknown', 'inputNames'];
    const s = checkState(state, 'oneHotEncoder', keys, where);
    const width = s.width;
    if (!Number.isInteger(width) || (width as number) < 1) {
      throw new ArgumentError(`${where}: state key "width" must be a positive integer`);
    }
    const cols = s.columns;
    if (
      !Array.isArray(cols) ||
      !cols.every((c) => Number.isInteger(c) && c >= 0 && c < (width as number))
    ) {
      throw new ArgumentError(
        `${where}: state key "columns" must list column indices below ${width}`,
      );
    }
    const cats = s.categories;
    if (
      !Array.isArray(cats) ||
      cats.length !== cols.length ||
      !cats.every(
        (c) => Array.isArray(c) && c.every((v) => typeof v === 'string' || Number.isFinite(v)),
      )
    ) {
      throw new ArgumentError(
        `${where}: state key "categories" must hold one list of numbers or strings per encoded column`,
      );
    }
    const inputNames = s.inputNames;
    if (
      inputNames !== null &&
      !(
        Array.isArray(inputNames) &&
        inputNames.length === width &&
        inputNames.every((n) => typeof n === 'string')
      )
    ) {
      throw new ArgumentError(`${where}: state key "inputNames" must be null or ${width} strings`);
    }
    const unknown = checkUnknown(s.unknown, where);
    this.fittedState = structuredClone({
      name: 'oneHotEncoder',
      width: width as number,
      columns: cols as number[],
      categories: cats as Cell[][],
      unknown,
      inputNames: inputNames as string[] | null,
    });
    return this;
  }

  /** An encoder with a saved state. */
  static fromState(state: OneHotEncoderState): OneHotEncoder {
    return new OneHotEncoder().loadState(state);
  }

  private outputWidth(s: OneHotEncoderState): number {
    return s.width - s.columns.length + s.categories.reduce((a, c) => a + c.length, 0);
  }

  private fitted_(method: string): OneHotEncoderState {
    if (!this.fittedState) {
      throw new ArgumentError(`oneHotEncoder.${method}: not fitted; call fit(data) first`);
    }
    return this.fittedState;
  }
}

function defaultNames(cols: number): string[] {
  return Array.from({ length: cols }, (_, j) => String(j));
}

function columnLabel(j: number, names: readonly string[] | undefined): string {
  return names ? `column "${names[j]}" (index ${j})` : `column ${j}`;
}

function checkCategory(
  v: Cell,
  i: number,
  j: number,
  names: readonly string[] | undefined,
  where: string,
): Cell {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      throw new NonFiniteError(`${where}: ${columnLabel(j, names)} holds ${v} at row ${i}`);
    }
    return v;
  }
  if (typeof v !== 'string') {
    throw new ArgumentError(
      `${where}: ${columnLabel(j, names)} holds ${excerpt(v)} at row ${i}; expected a number or a string`,
    );
  }
  return v;
}

/** A new, unfitted `OneHotEncoder`. */
export function oneHotEncoder(options: OneHotEncoderOptions = {}): OneHotEncoder {
  return new OneHotEncoder(options);
}
