import { type MetricInput, pairedValues } from './metricInput.js';

/**
 * Coefficient of determination: 1 minus the residual sum of squares over the total sum of
 * squares about the target mean. For [n, k] targets, the mean of the k per-column scores (as
 * scikit-learn's uniform average).
 *
 * r2 = 1 − Σᵢ (targetᵢ − predᵢ)² / Σᵢ (targetᵢ − mean(target))²
 *
 * @example
 * r2([2.5, 0, 2, 8], [3, -0.5, 2, 7]); // 0.9486081370449679
 */
export function r2(pred: MetricInput, target: MetricInput): number {
  const { pred: p, target: t } = pairedValues(pred, target, 'r2');
  // NOTE: a scalar is one sample of one column
  const n = t.rank === 0 ? 1 : t.shape[0];
  const k = t.size / n;
  let total = 0;
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += t.data[i * k + j];
    mean /= n;
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < n; i++) {
      ssRes += (t.data[i * k + j] - p.data[i * k + j]) ** 2;
      ssTot += (t.data[i * k + j] - mean) ** 2;
    }
    // NOTE: a constant target has no variance to explain (0/0): score 1 for a perfect fit and
    // 0 otherwise, as scikit-learn's force_finite, instead of NaN or −∞.
    total += ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  }
  return total / k;
}
