import type { Tensor } from '../autograd/index.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { sigmoid } from './sigmoid.js';
import { expectTensor } from './util.js';

/**
 * ln(1 + eˣ), elementwise, a smooth relu; finite and exact at ±800.
 *
 * @example softplus(tensor([0]))  // [0.6931]
 */
export function softplus(x: Tensor): Tensor {
  // d softplus(x) = σ(x)·dx
  return unaryOp('softplus', 'softplus', expectTensor(x, 'softplus', 'x'), (g, _y, tx) =>
    mul(g, sigmoid(tx)),
  );
}
