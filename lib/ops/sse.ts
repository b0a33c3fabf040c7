import type { Tensor } from '../autograd/index.js';
import { square } from './square.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { lossOperands } from './util.js';

/**
 * Sum of squared errors, Σ(pred − target)² (the tutorials' loss; not averaged). pred and
 * target must have the same shape. Empty inputs give 0 (a sum over nothing), as in PyTorch.
 *
 * @example sse(tensor([1, 2]), tensor([1, 4]))  // 4
 */
export function sse(pred: Tensor, target: Tensor | number): Tensor {
  const [p, t] = lossOperands(pred, target, 'sse', { mean: false });
  return sum(square(sub(p, t)));
}
