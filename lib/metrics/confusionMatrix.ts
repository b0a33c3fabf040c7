import { ArgumentError } from '../core/index.js';
import { checkSameLength, classIndices, type MetricInput } from './metricInput.js';

/**
 * Counts of (true class, predicted class) pairs: `m[i][j]` is the number of samples of class i
 * predicted as class j (rows: targets, columns: predictions, as scikit-learn). Inputs as for
 * `accuracy`; `numClasses` defaults to the largest class index seen plus one.
 *
 * @example
 * confusionMatrix([0, 1, 1], [0, 0, 1]); // [[1, 1], [0, 1]]
 */
export function confusionMatrix(
  pred: MetricInput,
  target: MetricInput,
  options: { numClasses?: number } = {},
): number[][] {
  const p = classIndices(pred, 'confusionMatrix', 'predictions');
  const t = classIndices(target, 'confusionMatrix', 'targets');
  checkSameLength(p, t, 'confusionMatrix');
  let seen = 0;
  for (let i = 0; i < p.length; i++) seen = Math.max(seen, p[i] + 1, t[i] + 1);
  const k = options.numClasses ?? seen;
  if (!Number.isInteger(k) || k < 1) {
    throw new ArgumentError(`confusionMatrix: numClasses must be a positive integer, got ${k}`);
  }
  if (seen > k) {
    throw new ArgumentError(
      `confusionMatrix: class index ${seen - 1} is out of range for numClasses ${k}`,
    );
  }
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < p.length; i++) m[t[i]][p[i]]++;
  return m;
}
