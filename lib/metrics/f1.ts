import { type ClassMetricOptions, classCounts, meanOf, ratio } from './classCounts.js';
import type { MetricInput } from './metricInput.js';

/**
 * The harmonic mean of precision and recall; binary (class `positive`) or macro-averaged (the
 * mean of the per-class F1 scores, as scikit-learn). Inputs as for `accuracy`.
 *
 * F1 = 2·TP / (2·TP + FP + FN)   (0 when TP + FP + FN = 0)
 *
 * @example
 * f1([1, 1, 0, 1], [1, 0, 0, 1]); // 0.8
 */
export function f1(
  pred: MetricInput,
  target: MetricInput,
  options: ClassMetricOptions = {},
): number {
  const { counts } = classCounts(pred, target, options, 'f1');
  return meanOf(counts.map(({ tp, fp, fn }) => ratio(2 * tp, 2 * tp + fp + fn)));
}
