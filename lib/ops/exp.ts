import type { Tensor } from '../autograd/index.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { expectTensor } from './util.js';

/** eˣ, elementwise. */
export function exp(x: Tensor): Tensor {
  // d(eˣ) = y·dx
  return unaryOp('exp', 'exp', expectTensor(x, 'exp', 'x'), (g, y) => mul(g, y));
}
