import type { Tensor } from '../autograd/index.js';
import { unaryOp } from './elementwise.js';
import { exp } from './exp.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { square } from './square.js';
import { expectTensor } from './util.js';

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * The error function erf(x) = (2/√π)·∫₀ˣ e^(−t²) dt, elementwise, accurate to about 1e-15.
 *
 * @example erf(tensor([1]))  // [0.8427]
 */
export function erf(x: Tensor): Tensor {
  // d erf(x) = (2/√π)·e^(−x²)·dx
  return unaryOp('erf', 'erf', expectTensor(x, 'erf', 'x'), (g, _y, tx) =>
    mul(g, mul(exp(neg(square(tx))), TWO_OVER_SQRT_PI)),
  );
}
