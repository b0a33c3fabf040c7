import type { Tensor } from '../autograd/index.js';
import { div } from './div.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { expectTensor } from './util.js';

/**
 * √x, elementwise (NaN below 0, as numpy).
 *
 * @example sqrt(tensor([4, 9]))  // [2, 3]
 */
export function sqrt(x: Tensor): Tensor {
  // d√x = dx / (2·y)   (NOTE: +∞ at x = 0)
  return unaryOp('sqrt', 'sqrt', expectTensor(x, 'sqrt', 'x'), (g, y) => div(g, mul(y, 2)));
}
