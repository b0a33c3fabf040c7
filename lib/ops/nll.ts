import type { Tensor } from '../autograd/index.js';
import { formatShape, ShapeError } from '../core/index.js';
import { gather } from './gather.js';
import { mean } from './mean.js';
import { reshape } from './reshape.js';
import { sub } from './sub.js';
import { emptyMean, expectTensor, type IndicesLike, toIndices } from './util.js';

/** −mean over rows of scores[i, classIndices[i]], with the checks (and messages) of `op`. */
export function pickedMean(
  scores: unknown,
  classIndices: unknown,
  op: string,
  arg: string,
): Tensor {
  const s = expectTensor(scores, op, arg);
  if (s.rank !== 2) {
    throw new ShapeError(
      `${op}: ${arg} must have shape [N, C] (a row of class scores per example), got ${formatShape(s.shape)}`,
    );
  }
  const [n, c] = s.shape;
  if (n === 0) throw emptyMean(op, arg, s.shape);
  const idx = toIndices(classIndices, c, op, 'classIndices');
  if (idx.shape.length !== 1 || idx.shape[0] !== n) {
    throw new ShapeError(
      `${op}: classIndices must have shape [${n}] (one class per row of ${arg}), got ${formatShape(idx.shape)}`,
    );
  }
  const flat = new Int32Array(n);
  for (let i = 0; i < n; i++) flat[i] = i * c + idx.data[i];
  // NOTE: picking with gather (not a one-hot product) keeps −∞ in other classes from making NaN.
  return sub(0, mean(gather(reshape(s, [n * c]), flat)));
}

/**
 * Negative log-likelihood: −mean(logProbs[i, classIndices[i]]) for logProbs of shape [N, C]
 * (e.g. from logSoftmax) and N integer class indices in [0, C) (array or tensor).
 *
 * @example nll(logSoftmax(logits), [2, 0, 1])
 */
export function nll(logProbs: Tensor, classIndices: IndicesLike): Tensor {
  return pickedMean(logProbs, classIndices, 'nll', 'logProbs');
}
