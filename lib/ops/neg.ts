import type { Tensor } from '../autograd/index.js';
import { unaryOp } from './elementwise.js';
import { expectTensor } from './util.js';

/** −x. */
export function neg(x: Tensor): Tensor {
  // d(-x) = -dx
  return unaryOp('neg', 'neg', expectTensor(x, 'neg', 'x'), (g) => neg(g));
}
