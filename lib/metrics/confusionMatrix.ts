import { ArgumentError, checkOptions } from '../core/index.js';
import {
  checkNumClasses,
  checkSameLength,
  classIndices,
  MAX_CLASSES,
  type MetricInput,
} from './metricInput.js';

/**
 * Counts of (true class, predicted class) pairs: `m[i][j]` is the number of samples of class i
 * predicted as class j (rows: targets, columns: predictions, as scikit-learn). Inputs as for
 * `accuracy`; `numClasses` defaults to the largest class index seen plus one. At most 4096
 * classes (the matrix is k×k): a larger index is an `ArgumentError` (encode raw labels with
 * `labelEncoder` first).
 *
 * @example
 * confusionMatrix([0, 1, 1], [0, 0, 1]); // [[1, 1], [0, 1]]
 */
export function confusionMatrix(
  pred: MetricInput,
  target: MetricInput,
  options: { numClasses?: number } = {},
): number[][] {
  checkOptions(options, ['numClasses'], 'confusionMatrix');
  const p = classIndices(pred, 'confusionMatrix', 'predictions');
  const t = classIndices(target, 'confusionMatrix', 'targets');
  checkSameLength(p, t, 'confusionMatrix');
  let seen = 0;
  let from = 'predictions';
  for (let i = 0; i < p.length; i++) {
    if (p[i] + 1 > seen) [seen, from] = [p[i] + 1, 'predictions'];
    if (t[i] + 1 > seen) [seen, from] = [t[i] + 1, 'targets'];
  }
  const k =
    options.numClasses === undefined
      ? seen
      : checkNumClasses(options.numClasses, 'confusionMatrix');
  if (seen > MAX_CLASSES && options.numClasses === undefined) {
    throw new ArgumentError(
      `confusionMatrix: class index ${seen - 1} (in ${from}) is out of range: expected class indices below ${MAX_CLASSES}, as the matrix is k×k (encode raw labels with labelEncoder first)`,
    );
  }
  if (seen > k) {
    throw new ArgumentError(
      `confusionMatrix: class index ${seen - 1} is out of range for numClasses ${k} (in ${from}; expected indices below ${k})`,
    );
  }
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < p.length; i++) m[t[i]][p[i]]++;
  return m;
}
