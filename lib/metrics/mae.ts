import { type MetricInput, pairedValues } from './metricInput.js';

/**
 * Mean absolute error over all elements of predictions and targets of the same shape.
 *
 * mae = (1/n) Σᵢ |predᵢ − targetᵢ|
 *
 * @example
 * mae([1, 2, 3], [1, 4, 0]); // (0 + 2 + 3)/3
 */
export function mae(pred: MetricInput, target: MetricInput): number {
  const { pred: p, target: t } = pairedValues(pred, target, 'mae');
  let s = 0;
  for (let i = 0; i < p.size; i++) s += Math.abs(p.data[i] - t.data[i]);
  return s / p.size;
}
