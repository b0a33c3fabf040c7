import type { Tensor } from '../autograd/index.js';
import { mean } from './mean.js';
import { square } from './square.js';
import { sub } from './sub.js';
import { lossOperands } from './util.js';

/**
 * Mean squared error, mean((pred − target)²) over every element. pred and target must have
 * the same shape (a `ShapeError` otherwise: no silent broadcasting of [N] against [N,1]).
 * An empty batch is a `ShapeError` too (PyTorch returns NaN).
 *
 * @example mse(tensor([1, 2]), tensor([1, 4]))  // 2
 */
export function mse(pred: Tensor, target: Tensor | number): Tensor {
  const [p, t] = lossOperands(pred, target, 'mse');
  return mean(square(sub(p, t)));
}
