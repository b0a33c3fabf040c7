import { type ClassMetricOptions, classCounts, meanOf, ratio } from './classCounts.js';
import type { MetricInput } from './metricInput.js';

/**
 * Of the samples of a class, the fraction predicted as it; binary (class `positive`) or
 * macro-averaged over classes. Inputs as for `accuracy`.
 *
 * recall = TP / (TP + FN)   (0 when the class never occurs)
 *
 * @example
 * recall([1, 0, 0, 1], [1, 1, 0, 1]); // 2/3
 */
export function recall(
  pred: MetricInput,
  target: MetricInput,
  options: ClassMetricOptions = {},
): number {
  const { counts } = classCounts(pred, target, options, 'recall');
  return meanOf(counts.map(({ tp, fn }) => ratio(tp, tp + fn)));
}
