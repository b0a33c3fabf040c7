import type { Tensor } from '../autograd/index.js';
import { logSoftmax } from './logSoftmax.js';
import { pickedMean } from './nll.js';
import { expectTensor, type IndicesLike } from './util.js';

/**
 * Softmax cross-entropy: −mean(logSoftmax(logits)[i, classIndices[i]]) for logits of shape
 * [N, C] and N integer class indices in [0, C) (array or tensor). Stable: finite and exact
 * with logits of ±1000. Its gradient is (softmax(logits) − onehot)/N.
 *
 * @example crossEntropy(tensor([[2, 1, 0.5]]), [0])  // 0.4644
 */
export function crossEntropy(logits: Tensor, classIndices: IndicesLike): Tensor {
  const x = expectTensor(logits, 'crossEntropy', 'logits');
  return pickedMean(x.rank === 2 ? logSoftmax(x, 1) : x, classIndices, 'crossEntropy', 'logits');
}
