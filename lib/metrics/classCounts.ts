import { ArgumentError, checkOptions, excerpt } from '../core/index.js';
import {
  asTensor,
  checkNumClasses,
  checkSameLength,
  classIndices,
  type MetricInput,
} from './metricInput.js';

/** Options of `precision`, `recall` and `f1`. */
export interface ClassMetricOptions {
  /**
   * `'binary'` (default): the score of class `positive` with labels 0/1; `'macro'`: the
   * unweighted mean of the per-class scores.
   */
  average?: 'binary' | 'macro';
  /** The positive class of a binary score. Default 1. */
  positive?: number;
  /** With `'macro'`, average over classes 0..numClasses−1 (default: the classes seen in either input). */
  numClasses?: number;
  /** Turn predicted probabilities [n] or [n, 1] into 0/1 labels: 1 where p ≥ threshold. */
  threshold?: number;
}

/** True positives, false positives and false negatives of one class. */
export interface ClassCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

function predictedLabels(
  pred: MetricInput,
  threshold: number | undefined,
  where: string,
): number[] {
  if (threshold === undefined) return classIndices(pred, where, 'predictions');
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
    throw new ArgumentError(
      `${where}: threshold must be a finite number, got ${excerpt(threshold)}`,
    );
  }
  const p = asTensor(pred, where, 'predictions');
  if (!(p.rank === 1 || (p.rank === 2 && p.shape[1] === 1))) {
    throw new ArgumentError(
      `${where}: threshold needs probabilities of shape [n] or [n, 1], got [${p.shape.join(',')}]`,
    );
  }
  return Array.from(p.data, (v) => (v >= threshold ? 1 : 0));
}

/** The per-class counts that `precision`, `recall` and `f1` average, with the chosen averaging. */
export function classCounts(
  pred: MetricInput,
  target: MetricInput,
  options: ClassMetricOptions,
  where: string,
): { average: 'binary' | 'macro'; counts: ClassCounts[] } {
  checkOptions(options, ['average', 'positive', 'numClasses', 'threshold'], where);
  const average = options.average ?? 'binary';
  if (average !== 'binary' && average !== 'macro') {
    throw new ArgumentError(
      `${where}: average must be 'binary' or 'macro', got ${excerpt(average)}`,
    );
  }
  const p = predictedLabels(pred, options.threshold, where);
  const t = classIndices(target, where, 'targets');
  checkSameLength(p, t, where);
  let classes: number[];
  if (average === 'binary') {
    const positive = options.positive ?? 1;
    if (positive !== 0 && positive !== 1) {
      throw new ArgumentError(`${where}: positive must be 0 or 1, got ${excerpt(positive)}`);
    }
    const other = [...p, ...t].find((v) => v > 1);
    if (other !== undefined) {
      throw new ArgumentError(
        `${where}: binary average needs labels 0 and 1, found ${other}; pass average: 'macro'`,
      );
    }
    classes = [positive];
  } else if (options.numClasses !== undefined) {
    const k = checkNumClasses(options.numClasses, where);
    const big = [...p, ...t].find((v) => v >= k);
    if (big !== undefined) {
      throw new ArgumentError(`${where}: class index ${big} is out of range for numClasses ${k}`);
    }
    classes = Array.from({ length: k }, (_, c) => c);
  } else {
    classes = [...new Set([...p, ...t])].sort((a, b) => a - b);
  }
  const counts = classes.map((c) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < p.length; i++) {
      if (p[i] === c && t[i] === c) tp++;
      else if (p[i] === c) fp++;
      else if (t[i] === c) fn++;
    }
    return { tp, fp, fn };
  });
  return { average, counts };
}

/** a / b, or 0 when b is 0. */
export function ratio(a: number, b: number): number {
  // NOTE: a class never predicted (precision) or never present (recall) scores 0, as
  // scikit-learn's default zero_division, instead of NaN.
  return b === 0 ? 0 : a / b;
}

/** The unweighted mean of per-class scores. */
export function meanOf(scores: readonly number[]): number {
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}
