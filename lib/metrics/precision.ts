import { type ClassMetricOptions, classCounts, meanOf, ratio } from './classCounts.js';
import type { MetricInput } from './metricInput.js';

/**
 * Of the samples predicted as a class, the fraction that belong to it; binary (class
 * `positive`) or macro-averaged over classes. Inputs as for `accuracy`.
 *
 * precision = TP / (TP + FP)   (0 when nothing is predicted positive)
 *
 * @example
 * precision([1, 1, 0, 1], [1, 0, 0, 1]); // 2/3
 */
export function precision(
  pred: MetricInput,
  target: MetricInput,
  options: ClassMetricOptions = {},
): number {
  const { counts } = classCounts(pred, target, options, 'precision');
  return meanOf(counts.map(({ tp, fp }) => ratio(tp, tp + fp)));
}
