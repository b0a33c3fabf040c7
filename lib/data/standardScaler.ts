import { Tensor } from '../autograd/index.js';
import { ArgumentError, allocate, booleanOption, checkOptions } from '../core/index.js';
import { columnMatrix } from './columnMatrix.js';
import { checkState, numberArray, powerOfTwoAbove } from './stateChecks.js';

/** Plain-data fitted state of a `StandardScaler` (JSON-safe). */
export interface StandardScalerState {
  /** The kind of state: `'standardScaler'`. */
  readonly name: 'standardScaler';
  /** Per-column mean (zeros when `withMean` is false). */
  readonly mean: readonly number[];
  /** Per-column divisor: the population standard deviation, 1 for a constant column or without `withStd`. */
  readonly scale: readonly number[];
  /** Whether the mean was subtracted. */
  readonly withMean: boolean;
  /** Whether the values were divided by the standard deviation. */
  readonly withStd: boolean;
}

/** Options of `standardScaler`. */
export interface StandardScalerOptions {
  /** Subtract the mean. Default true. */
  withMean?: boolean;
  /** Divide by the standard deviation. Default true. */
  withStd?: boolean;
}

/**
 * Standardises each column: z = (x − mean) / std, with the mean and the population standard
 * deviation learnt by `fit` on the training data only. Works column-wise on [n, d] tensors
 * (a [n] tensor is one column); the fitted state is plain data (`state()` / `fromState`).
 *
 * @example
 * const scaler = standardScaler().fit(train.x);
 * const xTrain = scaler.transform(train.x);
 * const xTest = scaler.transform(test.x); // with the training mean and std
 */
export class StandardScaler {
  private mean: number[] | null = null;
  private scale: number[] | null = null;
  /** Whether `fit` learns a mean to subtract (else the mean is 0). Default true; read at `fit`. */
  withMean: boolean;
  /** Whether `fit` learns a standard deviation to divide by (else 1). Default true; read at `fit`. */
  withStd: boolean;

  constructor(options: StandardScalerOptions = {}) {
    const o = checkOptions(options, ['withMean', 'withStd'], 'standardScaler');
    this.withMean = booleanOption(o.withMean, true, 'standardScaler', 'withMean');
    this.withStd = booleanOption(o.withStd, true, 'standardScaler', 'withStd');
  }

  /** True once `fit` or `loadState` ran. */
  get fitted(): boolean {
    return this.mean !== null;
  }

  /** Learns the mean and standard deviation of each column of `x`. */
  fit(x: Tensor): this {
    const { rows, cols } = columnMatrix(x, 'standardScaler.fit');
    if (rows === 0)
      throw new ArgumentError('standardScaler.fit: x has no rows (expected at least one)');
    const mean = new Array<number>(cols).fill(0);
    const scale = new Array<number>(cols).fill(1);
    for (let j = 0; j < cols; j++) {
      let big = 0;
      for (let i = 0; i < rows; i++) big = Math.max(big, Math.abs(x.data[i * cols + j]));
      // NOTE: the sums run on values divided by k, a power of two ≥ max |x|, so that neither Σx
      // nor Σ(x − m)² overflows near 1e308 (nor underflows near 1e-308). Dividing by a power of
      // two is exact, so ordinary data give the same bits as the plain formula.
      const k = powerOfTwoAbove(big);
      let s = 0;
      for (let i = 0; i < rows; i++) s += x.data[i * cols + j] / k;
      const m = s / rows;
      let ss = 0;
      for (let i = 0; i < rows; i++) ss += (x.data[i * cols + j] / k - m) ** 2;
      const std = Math.sqrt(ss / rows);
      if (this.withMean) mean[j] = m * k;
      // NOTE: a constant column has std 0; dividing by 1 instead maps it to 0 (as scikit-learn),
      // where dividing by 0 would give NaN. A tiny std from rounding (< 1e-12·|mean|) counts as 0.
      if (this.withStd && std > 1e-12 * Math.max(Math.abs(m), Number.MIN_VALUE)) scale[j] = std * k;
    }
    this.mean = mean;
    this.scale = scale;
    return this;
  }

  /** (x − mean) / scale, column by column, in the dtype of `x`. */
  transform(x: Tensor): Tensor {
    const { mean, scale } = this.fittedState('transform');
    const { cols } = columnMatrix(x, 'standardScaler.transform', mean.length);
    const out = allocate(x.dtype, x.size);
    // NOTE: (x − mean)/scale as (x/k − mean/k)/(scale/k): the difference of two values near
    // ±1e308 would overflow; with k a power of two the result is otherwise the same, bit for bit.
    const k = mean.map((m, j) => powerOfTwoAbove(Math.max(Math.abs(m), scale[j])));
    for (let i = 0; i < x.size; i++) {
      const j = i % cols;
      out[i] = (x.data[i] / k[j] - mean[j] / k[j]) / (scale[j] / k[j]);
    }
    return new Tensor(out, x.shape);
  }

  /** `fit(x)` then `transform(x)`. */
  fitTransform(x: Tensor): Tensor {
    return this.fit(x).transform(x);
  }

  /** z · scale + mean: back to the original units. */
  inverseTransform(z: Tensor): Tensor {
    const { mean, scale } = this.fittedState('inverseTransform');
    const { cols } = columnMatrix(z, 'standardScaler.inverseTransform', mean.length);
    const out = allocate(z.dtype, z.size);
    const k = mean.map((m, j) => powerOfTwoAbove(Math.max(Math.abs(m), scale[j])));
    for (let i = 0; i < z.size; i++) {
      const j = i % cols;
      out[i] = (z.data[i] * (scale[j] / k[j]) + mean[j] / k[j]) * k[j];
    }
    return new Tensor(out, z.shape);
  }

  /** The fitted state as plain data. */
  state(): StandardScalerState {
    const { mean, scale } = this.fittedState('state');
    return {
      name: 'standardScaler',
      mean: [...mean],
      scale: [...scale],
      withMean: this.withMean,
      withStd: this.withStd,
    };
  }

  /** Restores a state from `state()`; an error naming the bad key leaves the scaler unchanged. */
  loadState(state: StandardScalerState): this {
    const where = 'standardScaler.loadState';
    const s = checkState(state, 'standardScaler', ['mean', 'scale', 'withMean', 'withStd'], where);
    if (typeof s.withMean !== 'boolean' || typeof s.withStd !== 'boolean') {
      throw new ArgumentError(`${where}: state keys "withMean" and "withStd" must be booleans`);
    }
    const mean = numberArray(s.mean, 'mean', where);
    const scale = numberArray(s.scale, 'scale', where, mean.length);
    if (scale.some((v) => v <= 0)) {
      throw new ArgumentError(`${where}: state key "scale" must hold positive numbers`);
    }
    this.mean = mean;
    this.scale = scale;
    this.withMean = s.withMean;
    this.withStd = s.withStd;
    return this;
  }

  /** A scaler with a saved state. */
  static fromState(state: StandardScalerState): StandardScaler {
    return new StandardScaler().loadState(state);
  }

  private fittedState(method: string): { mean: number[]; scale: number[] } {
    if (!this.mean || !this.scale) {
      throw new ArgumentError(`standardScaler.${method}: not fitted; call fit(x) first`);
    }
    return { mean: this.mean, scale: this.scale };
  }
}

/** A new, unfitted `StandardScaler`: z = (x − mean) / std per column. */
export function standardScaler(options: StandardScalerOptions = {}): StandardScaler {
  return new StandardScaler(options);
}
