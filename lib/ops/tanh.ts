import type { Tensor } from '../autograd/index.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { expectTensor } from './util.js';

/** Hyperbolic tangent, elementwise. */
export function tanh(x: Tensor): Tensor {
  // d tanh(x) = (1 − y²)·dx
  return unaryOp('tanh', 'tanh', expectTensor(x, 'tanh', 'x'), (g, y) => mul(g, sub(1, mul(y, y))));
}
