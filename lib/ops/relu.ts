import type { Tensor } from '../autograd/index.js';
import { constantUnary } from './constant.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { expectTensor } from './util.js';

/** max(x, 0), elementwise. */
export function relu(x: Tensor): Tensor {
  // d relu(x) = [x > 0]·dx  (NOTE: the derivative at 0 is taken as 0, as PyTorch does)
  return unaryOp('relu', 'relu', expectTensor(x, 'relu', 'x'), (g, _y, tx) =>
    mul(g, constantUnary('step', tx)),
  );
}
