import { Tensor } from '../autograd/index.js';
import { add } from './add.js';
import { constantBinary } from './constant.js';
import { binaryOp, unaryOp } from './elementwise.js';
import { log } from './log.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import type { TensorLike } from './util.js';

/**
 * x raised to `exponent`, elementwise with broadcasting; either may be a number.
 * As in numpy, a negative base with a non-integer exponent gives NaN. A number exponent takes
 * x's dtype, as every plain number does (numpy's weak scalars): on a float32 tensor it is rounded
 * to float32 first. NOTE: PyTorch keeps a Python-number exponent in double precision.
 *
 * @example pow(tensor([2, 3]), 2)  // [4, 9]
 */
export function pow(x: TensorLike, exponent: TensorLike): Tensor {
  if (x instanceof Tensor && typeof exponent === 'number') {
    const p = x.dtype === 'float32' ? Math.fround(exponent) : exponent;
    // d xᵖ = p·x^(p−1)·dx   (NOTE: p = 0 gives 0, not 0·x⁻¹ = NaN at x = 0)
    return unaryOp(
      'pow',
      'powScalar',
      x,
      (g, _y, tx) => (p === 0 ? mul(g, 0) : mul(g, mul(pow(tx, p - 1), p))),
      p,
    );
  }
  // d xᵇ = b·x^(b−1)·dx + xᵇ·ln(x)·db
  return binaryOp(
    'pow',
    'pow',
    x,
    exponent,
    (g, y, tx, tb) => [
      tx.requiresGrad ? mul(g, mul(tb, pow(tx, sub(tb, 1)))) : null,
      // NOTE: ln(0) = −∞ would turn 0ᵇ·ln(0) into NaN; the limit is 0, so use ln(x + [x = 0]).
      tb.requiresGrad ? mul(g, mul(y, log(add(tx, constantBinary('equal', tx, 0))))) : null,
    ],
    ['x', 'exponent'],
  );
}
