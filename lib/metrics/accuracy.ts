import { checkSameLength, classIndices, type MetricInput } from './metricInput.js';

/**
 * Fraction of samples whose predicted class equals the target class. Each side may be class
 * indices [n] or rows of class scores / one-hot [n, classes] (compared by argmax).
 *
 * accuracy = (1/n) Σᵢ [argmax(predᵢ) = argmax(targetᵢ)]
 *
 * @example
 * accuracy([[0.1, 0.9], [0.8, 0.2]], [1, 1]); // 0.5
 */
export function accuracy(pred: MetricInput, target: MetricInput): number {
  const p = classIndices(pred, 'accuracy', 'predictions');
  const t = classIndices(target, 'accuracy', 'targets');
  checkSameLength(p, t, 'accuracy');
  let hits = 0;
  for (let i = 0; i < p.length; i++) if (p[i] === t[i]) hits++;
  return hits / p.length;
}
