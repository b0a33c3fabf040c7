import type { Tensor } from '../autograd/index.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { expectTensor } from './util.js';

/**
 * x², elementwise.
 *
 * @example square(tensor([-2, 3]))  // [4, 9]
 */
export function square(x: Tensor): Tensor {
  // d x² = 2x·dx
  return unaryOp('square', 'square', expectTensor(x, 'square', 'x'), (g, _y, tx) =>
    mul(g, mul(tx, 2)),
  );
}
