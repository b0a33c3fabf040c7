import type { Tensor } from '../autograd/index.js';
import { constantUnary } from './constant.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { expectTensor } from './util.js';

/**
 * |x|, elementwise.
 *
 * @example abs(tensor([-2, 3]))  // [2, 3]
 */
export function abs(x: Tensor): Tensor {
  // d|x| = sign(x)·dx   (NOTE: the derivative at 0 is taken as 0, as PyTorch does)
  return unaryOp('abs', 'abs', expectTensor(x, 'abs', 'x'), (g, _y, tx) =>
    mul(g, constantUnary('sign', tx)),
  );
}
