import { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  allocate,
  checkDType,
  checkOptions,
  type DType,
  excerpt,
  NonFiniteError,
} from '../core/index.js';
import { cellRows, type EncoderInput } from './cellRows.js';
import { compareCells, formatCell } from './compareCells.js';
import { checkState } from './stateChecks.js';
import type { Cell } from './Table.js';

/** Plain-data fitted state of a `LabelEncoder` (JSON-safe). */
export interface LabelEncoderState {
  /** The kind of state: `'labelEncoder'`. */
  readonly name: 'labelEncoder';
  /** The labels, sorted; label `classes[k]` is encoded as k. */
  readonly classes: readonly Cell[];
}

type Labels = Tensor | readonly Cell[];

function labelsOf(labels: Labels, where: string): Cell[] {
  const m = cellRows(labels as EncoderInput, where);
  if (m.cols !== 1) {
    throw new ArgumentError(`${where}: expected one column of labels, got ${m.cols} columns`);
  }
  const out: Cell[] = [];
  for (let i = 0; i < m.rows; i++) {
    const v = m.at(i, 0);
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new NonFiniteError(`${where}: label ${i} is ${v}`);
    }
    if (typeof v !== 'number' && typeof v !== 'string') {
      throw new ArgumentError(
        `${where}: label ${i} is ${excerpt(v) ?? String(v)}; expected a finite number or a string`,
      );
    }
    out.push(v);
  }
  return out;
}

/**
 * Maps labels (numbers or strings) to class indices 0..k−1, in sorted label order, and back.
 *
 * @example
 * const enc = labelEncoder().fit(['cat', 'dog', 'cat']);
 * enc.transform(['dog', 'cat']).toArray(); // [1, 0]
 * enc.inverseTransform([1]); // ['dog']
 */
export class LabelEncoder {
  private classList: Cell[] | null = null;
  private index = new Map<Cell, number>();

  constructor(private readonly dtype: DType = 'float64') {
    checkDType(dtype, 'labelEncoder');
  }

  /** True once `fit` or `loadState` ran. */
  get fitted(): boolean {
    return this.classList !== null;
  }

  /** The labels, sorted: `classes[k]` is encoded as k. */
  get classes(): readonly Cell[] {
    return this.fittedClasses('classes');
  }

  /** Learns the distinct labels. */
  fit(labels: Tensor | readonly Cell[]): this {
    const list = labelsOf(labels, 'labelEncoder.fit');
    if (list.length === 0)
      throw new ArgumentError(
        'labelEncoder.fit: no labels (expected at least one, got an empty list)',
      );
    this.setClasses([...new Set(list)].sort(compareCells));
    return this;
  }

  /** The class index of each label, as a [n] tensor. */
  transform(labels: Tensor | readonly Cell[]): Tensor {
    this.fittedClasses('transform');
    const list = labelsOf(labels, 'labelEncoder.transform');
    const out = allocate(this.dtype, list.length);
    list.forEach((label, i) => {
      const k = this.index.get(label);
      if (k === undefined) {
        throw new ArgumentError(
          `labelEncoder.transform: unknown label ${formatCell(label)} at position ${i}; known: ${this.classes.map(formatCell).join(', ')}`,
        );
      }
      out[i] = k;
    });
    return new Tensor(out, [list.length]);
  }

  /** `fit(labels)` then `transform(labels)`. */
  fitTransform(labels: Tensor | readonly Cell[]): Tensor {
    return this.fit(labels).transform(labels);
  }

  /** The label of each class index. */
  inverseTransform(indices: Tensor | readonly number[]): Cell[] {
    const classes = this.fittedClasses('inverseTransform');
    const values = indices instanceof Tensor ? Array.from(indices.data) : indices;
    return values.map((k, i) => {
      if (!Number.isInteger(k) || k < 0 || k >= classes.length) {
        throw new ArgumentError(
          `labelEncoder.inverseTransform: index ${k} at position ${i} is not a class index in 0..${classes.length - 1}`,
        );
      }
      return classes[k];
    });
  }

  /** The fitted state as plain data. */
  state(): LabelEncoderState {
    return { name: 'labelEncoder', classes: [...this.fittedClasses('state')] };
  }

  /** Restores a state from `state()`; an error naming the bad key leaves the encoder unchanged. */
  loadState(state: LabelEncoderState): this {
    const where = 'labelEncoder.loadState';
    const s = checkState(state, 'labelEncoder', ['classes'], where);
    const classes = s.classes;
    if (
      !Array.isArray(classes) ||
      classes.length === 0 ||
      !classes.every((c) => typeof c === 'string' || Number.isFinite(c)) ||
      new Set(classes).size !== classes.length
    ) {
      throw new ArgumentError(
        `${where}: state key "classes" must list distinct numbers or strings`,
      );
    }
    this.setClasses([...(classes as Cell[])]);
    return this;
  }

  /** An encoder with a saved state. */
  static fromState(state: LabelEncoderState): LabelEncoder {
    return new LabelEncoder().loadState(state);
  }

  private setClasses(classes: Cell[]): void {
    this.classList = classes;
    this.index = new Map(classes.map((c, k) => [c, k]));
  }

  private fittedClasses(method: string): Cell[] {
    if (!this.classList) {
      throw new ArgumentError(`labelEncoder.${method}: not fitted; call fit(labels) first`);
    }
    return this.classList;
  }
}

/** A new, unfitted `LabelEncoder` (indices in a `dtype` tensor, default `'float64'`). */
export function labelEncoder(options: { dtype?: DType } = {}): LabelEncoder {
  const o = checkOptions(options, ['dtype'], 'labelEncoder');
  return new LabelEncoder(o.dtype === undefined ? undefined : checkDType(o.dtype, 'labelEncoder'));
}
