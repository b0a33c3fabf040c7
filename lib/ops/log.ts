import type { Tensor } from '../autograd/index.js';
import { div } from './div.js';
import { unaryOp } from './elementwise.js';
import { expectTensor } from './util.js';

/** Natural logarithm, elementwise (−inf at 0, NaN below, as numpy). */
export function log(x: Tensor): Tensor {
  // d(ln x) = dx / x
  return unaryOp('log', 'log', expectTensor(x, 'log', 'x'), (g, _y, tx) => div(g, tx));
}
