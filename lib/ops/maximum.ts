import type { Tensor } from '../autograd/index.js';
import { tieSplitMasks } from './constant.js';
import { binaryOp } from './elementwise.js';
import { mul } from './mul.js';
import type { TensorLike } from './util.js';

/**
 * The larger of a and b, elementwise with broadcasting (NaN wins, as numpy).
 * At a tie the gradient is split evenly between a and b.
 *
 * @example maximum(tensor([1, 5]), 3)  // [3, 5]
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  // d max(a, b) = [a > b]·da + [a < b]·db   (ties: ½ each)
  return binaryOp('maximum', 'maximum', a, b, (g, _y, ta, tb) => {
    const [ma, mb] = tieSplitMasks(ta, tb);
    return [ta.requiresGrad ? mul(g, ma) : null, tb.requiresGrad ? mul(g, mb) : null];
  });
}
