import { ArgumentError, excerpt } from '../core/index.js';
import { type MetricInput, pairedValues } from './metricInput.js';

/**
 * Fraction of predictions that, thresholded, equal 0/1 targets of the same shape (a [n] vector
 * and a [n, 1] column count as the same shape). A prediction p counts as 1 when p ≥ threshold.
 *
 * binaryAccuracy = (1/n) Σᵢ [(predᵢ ≥ threshold) = targetᵢ]
 *
 * @example
 * binaryAccuracy([0.9, 0.4, 0.6], [1, 0, 0]); // 2/3
 */
export function binaryAccuracy(pred: MetricInput, target: MetricInput, threshold = 0.5): number {
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
    throw new ArgumentError(
      `binaryAccuracy: threshold must be a finite number, got ${excerpt(threshold)}`,
    );
  }
  const { pred: p, target: t } = pairedValues(pred, target, 'binaryAccuracy');
  let hits = 0;
  for (let i = 0; i < p.size; i++) {
    const y = t.data[i];
    if (y !== 0 && y !== 1) {
      throw new ArgumentError(
        `binaryAccuracy: targets must be 0 or 1, got ${excerpt(y)} at flat index ${i}`,
      );
    }
    if ((p.data[i] >= threshold ? 1 : 0) === y) hits++;
  }
  return hits / p.size;
}
