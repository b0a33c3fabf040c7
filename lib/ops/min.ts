import type { Tensor } from '../autograd/index.js';
import { extremum } from './max.js';
import type { Axis } from './sum.js';

/**
 * Smallest element over `axis` (all axes by default). Its gradient goes to the minimum; when
 * several elements tie for it, they share the gradient evenly.
 *
 * @example min(tensor([[1, 5], [7, 2]]), 1)  // [1, 2]
 */
export function min(x: Tensor, axis?: Axis, keepDims = false): Tensor {
  return extremum('min', x, axis, keepDims);
}
