import { type NestedArray, Tensor, tensor } from '../autograd/index.js';
import {
  ArgumentError,
  excerpt,
  formatShape,
  inContext,
  NonFiniteError,
  ShapeError,
} from '../core/index.js';

/**
 * The most classes a class metric takes: a confusion matrix is k×k numbers (4096² ≈ 16.8
 * million, about 134 MB), and a class index far beyond the data's size is more likely a raw
 * label (an id, a year) than a class index.
 */
export const MAX_CLASSES = 4096;

/** `numClasses` as given: a positive integer up to MAX_CLASSES. */
export function checkNumClasses(k: unknown, where: string): number {
  if (!Number.isInteger(k) || (k as number) < 1 || (k as number) > MAX_CLASSES) {
    throw new ArgumentError(
      `${where}: numClasses must be an integer in [1, ${MAX_CLASSES}], got ${typeof k === 'number' ? k : excerpt(k)}`,
    );
  }
  return k as number;
}

/** What metrics accept: a tensor or nested arrays of numbers. */
export type MetricInput = Tensor | NestedArray;

/** `value` as a tensor whose values are all finite; errors name `where` and `what`. */
export function asTensor(value: MetricInput, where: string, what: string): Tensor {
  const t = value instanceof Tensor ? value : inContext(`${where}: ${what}`, () => tensor(value));
  for (let i = 0; i < t.size; i++) {
    if (!Number.isFinite(t.data[i])) {
      throw new NonFiniteError(
        `${where}: ${what} holds ${t.data[i]} at flat index ${i}, expected finite values`,
      );
    }
  }
  return t;
}

/**
 * One class index per sample: the integer values of a [n] or [n, 1] tensor, or the argmax of
 * each row of a [n, k] tensor (one-hot rows or class scores), k ≥ 2.
 */
export function classIndices(value: MetricInput, where: string, what: string): number[] {
  const t = asTensor(value, where, what);
  if (t.rank !== 1 && t.rank !== 2) {
    throw new ShapeError(
      `${where}: ${what} must be class indices [n] or class scores [n, classes], got ${formatShape(t.shape)}`,
    );
  }
  const n = t.shape[0];
  const k = t.rank === 2 ? t.shape[1] : 1;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    if (k === 1) {
      const v = t.data[i];
      if (!Number.isInteger(v) || v < 0) {
        throw new ArgumentError(
          `${where}: ${what} must be class indices (integers ≥ 0), got ${excerpt(v)} at ${i}; for probabilities of one class use binaryAccuracy or the threshold option`,
        );
      }
      out[i] = v;
      continue;
    }
    let best = 0;
    for (let j = 1; j < k; j++) if (t.data[i * k + j] > t.data[i * k + best]) best = j;
    out[i] = best;
  }
  return out;
}

/** Checks that predictions and targets cover the same number of samples (at least one). */
export function checkSameLength(
  pred: readonly number[],
  target: readonly number[],
  where: string,
): void {
  if (pred.length !== target.length) {
    throw new ShapeError(
      `${where}: predictions and targets must have the same number of samples, got ${pred.length} and ${target.length}`,
    );
  }
  if (pred.length === 0)
    throw new ArgumentError(`${where}: no samples (expected at least one, got none)`);
}

/**
 * Predictions and targets of the same shape (a [n] vector and a [n, 1] column count as the
 * same), with at least one element; never a silent broadcast.
 */
export function pairedValues(
  pred: MetricInput,
  target: MetricInput,
  where: string,
): { pred: Tensor; target: Tensor } {
  const p = asTensor(pred, where, 'predictions');
  const t = asTensor(target, where, 'targets');
  const isVector = (x: Tensor) => x.rank === 1 || (x.rank === 2 && x.shape[1] === 1);
  const same =
    p.shape.length === t.shape.length
      ? p.shape.every((d, i) => d === t.shape[i])
      : isVector(p) && isVector(t) && p.size === t.size;
  if (!same) {
    throw new ShapeError(
      `${where}: predictions and targets must have the same shape, got ${formatShape(p.shape)} and ${formatShape(t.shape)}`,
    );
  }
  if (p.size === 0)
    throw new ArgumentError(`${where}: no samples (expected at least one, got none)`);
  return { pred: p, target: t };
}
