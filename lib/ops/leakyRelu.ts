import type { Tensor } from '../autograd/index.js';
import { constantUnary } from './constant.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { expectNumber, expectTensor } from './util.js';

/**
 * x where x > 0, slope·x elsewhere, elementwise.
 *
 * @example leakyRelu(tensor([-10, 2]), 0.1)  // [-1, 2]
 */
export function leakyRelu(x: Tensor, slope = 0.01): Tensor {
  const t = expectTensor(x, 'leakyRelu', 'x');
  const a = expectNumber(slope, 'leakyRelu', 'slope');
  // d leakyRelu(x) = ([x > 0] + slope·[x ≤ 0])·dx   (NOTE: slope at 0, as PyTorch)
  return unaryOp(
    'leakyRelu',
    'leakyRelu',
    t,
    (g, _y, tx) => mul(g, constantUnary('affine', constantUnary('step', tx), 1 - a, a)),
    a,
  );
}
