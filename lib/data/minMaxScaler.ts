import { Tensor } from '../autograd/index.js';
import { ArgumentError, allocate, checkOptions, excerpt } from '../core/index.js';
import { columnMatrix } from './columnMatrix.js';
import { checkState, numberArray, powerOfTwoAbove } from './stateChecks.js';

/** Plain-data fitted state of a `MinMaxScaler` (JSON-safe). */
export interface MinMaxScalerState {
  /** The kind of state: `'minMaxScaler'`. */
  readonly name: 'minMaxScaler';
  /** The target interval [lo, hi]. */
  readonly range: readonly [number, number];
  /** Per-column minimum seen by `fit`. */
  readonly min: readonly number[];
  /** Per-column maximum seen by `fit`. */
  readonly max: readonly number[];
}

/** Options of `minMaxScaler`. */
export interface MinMaxScalerOptions {
  /** The interval the training data is mapped onto. Default [0, 1]. */
  range?: readonly [number, number];
}

function checkRange(range: unknown, where: string): [number, number] {
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
    !(range[0] < range[1])
  ) {
    throw new ArgumentError(`${where}: range must be [lo, hi] with lo < hi, got ${excerpt(range)}`);
  }
  return [range[0], range[1]];
}

/**
 * Rescales each column onto [lo, hi]: x' = lo + (x − min)·(hi − lo)/(max − min), with min and
 * max learnt by `fit` on the training data only.
 *
 * @example
 * const scaler = minMaxScaler({ range: [-1, 1] }).fit(train.x);
 * scaler.transform(test.x); // test values may fall outside [-1, 1]
 */
export class MinMaxScaler {
  private min: number[] | null = null;
  private max: number[] | null = null;
  /** The target interval [lo, hi] (the `range` option). Default [0, 1]. */
  readonly range: [number, number];

  constructor(options: MinMaxScalerOptions = {}) {
    const o = checkOptions(options, ['range'], 'minMaxScaler');
    this.range = checkRange(o.range ?? [0, 1], 'minMaxScaler');
  }

  /** True once `fit` or `loadState` ran. */
  get fitted(): boolean {
    return this.min !== null;
  }

  /** Learns the minimum and maximum of each column of `x`. */
  fit(x: Tensor): this {
    const { rows, cols } = columnMatrix(x, 'minMaxScaler.fit');
    if (rows === 0)
      throw new ArgumentError('minMaxScaler.fit: x has no rows (expected at least one)');
    const min = new Array<number>(cols).fill(Number.POSITIVE_INFINITY);
    const max = new Array<number>(cols).fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < x.size; i++) {
      const j = i % cols;
      if (x.data[i] < min[j]) min[j] = x.data[i];
      if (x.data[i] > max[j]) max[j] = x.data[i];
    }
    this.min = min;
    this.max = max;
    return this;
  }

  /** lo + (x − min)·(hi − lo)/(max − min), column by column, in the dtype of `x`. */
  transform(x: Tensor): Tensor {
    const { min, scale, k } = this.factors('transform');
    const { cols } = columnMatrix(x, 'minMaxScaler.transform', min.length);
    const out = allocate(x.dtype, x.size);
    for (let i = 0; i < x.size; i++) {
      const j = i % cols;
      out[i] = this.range[0] + (x.data[i] / k[j] - min[j] / k[j]) * scale[j];
    }
    return new Tensor(out, x.shape);
  }

  /** `fit(x)` then `transform(x)`. */
  fitTransform(x: Tensor): Tensor {
    return this.fit(x).transform(x);
  }

  /** min + (x' − lo)/scale: back to the original units. */
  inverseTransform(z: Tensor): Tensor {
    const { min, scale, k } = this.factors('inverseTransform');
    const { cols } = columnMatrix(z, 'minMaxScaler.inverseTransform', min.length);
    const out = allocate(z.dtype, z.size);
    for (let i = 0; i < z.size; i++) {
      const j = i % cols;
      out[i] = ((z.data[i] - this.range[0]) / scale[j] + min[j] / k[j]) * k[j];
    }
    return new Tensor(out, z.shape);
  }

  /** The fitted state as plain data. */
  state(): MinMaxScalerState {
    if (!this.min || !this.max) {
      throw new ArgumentError('minMaxScaler.state: not fitted; call fit(x) first');
    }
    return { name: 'minMaxScaler', range: [...this.range], min: [...this.min], max: [...this.max] };
  }

  /** Restores a state from `state()`; an error naming the bad key leaves the scaler unchanged. */
  loadState(state: MinMaxScalerState): this {
    const where = 'minMaxScaler.loadState';
    const s = checkState(state, 'minMaxScaler', ['range', 'min', 'max'], where);
    const range = checkRange(s.range, where);
    const min = numberArray(s.min, 'min', where);
    const max = numberArray(s.max, 'max', where, min.length);
    if (min.some((v, j) => v > max[j])) {
      throw new ArgumentError(`${where}: state has a column whose min exceeds its max`);
    }
    this.range[0] = range[0];
    this.range[1] = range[1];
    this.min = min;
    this.max = max;
    return this;
  }

  /** A scaler with a saved state. */
  static fromState(state: MinMaxScalerState): MinMaxScaler {
    return new MinMaxScaler().loadState(state);
  }

  /**
   * Per column: min, the scale (hi − lo)/(max − min) and a power of two k ≥ max(|min|, |max|),
   * all in units of k. NOTE: x − min and max − min overflow for columns spanning ±1e308; in
   * units of k they cannot, and dividing by a power of two is exact, so ordinary data give the
   * same bits as the plain formula. A constant column keeps k = 1.
   */
  private factors(method: string): { min: number[]; scale: number[]; k: number[] } {
    if (!this.min || !this.max) {
      throw new ArgumentError(`minMaxScaler.${method}: not fitted; call fit(x) first`);
    }
    const [lo, hi] = this.range;
    const max = this.max;
    const k = this.min.map((m, j) =>
      max[j] === m ? 1 : powerOfTwoAbove(Math.max(Math.abs(m), Math.abs(max[j]))),
    );
    // NOTE: a constant column (max = min) would divide by 0; its span counts as 1, so it maps to lo.
    const scale = this.min.map((m, j) => {
      const span = max[j] / k[j] - m / k[j];
      return (hi - lo) / (span === 0 ? 1 : span);
    });
    return { min: this.min, scale, k };
  }
}

/** A new, unfitted `MinMaxScaler`: x' = lo + (x − min)·(hi − lo)/(max − min) per column. */
export function minMaxScaler(options: MinMaxScalerOptions = {}): MinMaxScaler {
  return new MinMaxScaler(options);
}
