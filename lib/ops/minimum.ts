import type { Tensor } from '../autograd/index.js';
import { tieSplitMasks } from './constant.js';
import { binaryOp } from './elementwise.js';
import { mul } from './mul.js';
import type { TensorLike } from './util.js';

/**
 * The smaller of a and b, elementwise with broadcasting (NaN wins, as numpy).
 * At a tie the gradient is split evenly between a and b.
 *
 * @example minimum(tensor([1, 5]), 3)  // [1, 3]
 */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  // d min(a, b) = [a < b]·da + [a > b]·db   (ties: ½ each)
  return binaryOp('minimum', 'minimum', a, b, (g, _y, ta, tb) => {
    const [ma, mb] = tieSplitMasks(tb, ta);
    return [ta.requiresGrad ? mul(g, ma) : null, tb.requiresGrad ? mul(g, mb) : null];
  });
}
