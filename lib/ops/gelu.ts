import type { Tensor } from '../autograd/index.js';
import { add } from './add.js';
import { unaryOp } from './elementwise.js';
import { erf } from './erf.js';
import { exp } from './exp.js';
import { mul } from './mul.js';
import { square } from './square.js';
import { expectTensor } from './util.js';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * The Gaussian error linear unit, x·Φ(x) with Φ the standard normal CDF, in the exact erf form
 * (PyTorch's default, not the tanh approximation): gelu(x) = ½·x·(1 + erf(x/√2)).
 *
 * @example gelu(tensor([1]))  // [0.8413]
 */
export function gelu(x: Tensor): Tensor {
  // d gelu(x) = (Φ(x) + x·φ(x))·dx,  φ(x) = e^(−x²/2)/√(2π)
  return unaryOp('gelu', 'gelu', expectTensor(x, 'gelu', 'x'), (g, _y, tx) => {
    const cdf = mul(add(erf(mul(tx, Math.SQRT1_2)), 1), 0.5);
    const pdf = mul(exp(mul(square(tx), -0.5)), INV_SQRT_2PI);
    return mul(g, add(cdf, mul(tx, pdf)));
  });
}
