import { type MetricInput, pairedValues } from './metricInput.js';

/**
 * Root mean squared error over all elements of predictions and targets of the same shape.
 *
 * rmse = √((1/n) Σᵢ (predᵢ − targetᵢ)²)
 *
 * @example
 * rmse([1, 2, 3], [1, 4, 0]); // √((0 + 4 + 9)/3)
 */
export function rmse(pred: MetricInput, target: MetricInput): number {
  const { pred: p, target: t } = pairedValues(pred, target, 'rmse');
  let s = 0;
  for (let i = 0; i < p.size; i++) s += (p.data[i] - t.data[i]) ** 2;
  return Math.sqrt(s / p.size);
}
