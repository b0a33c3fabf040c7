import { isGradEnabled, type Tensor } from '../autograd/index.js';
import { constantBinary } from './constant.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { expectTensor } from './util.js';

/** 1 / (1 + e⁻ˣ), elementwise; finite and exact at ±800. */
export function sigmoid(x: Tensor): Tensor {
  // dσ(x) = y·(1 − y)·dx, from the output: stable where e⁻ˣ would overflow
  // NOTE: unless the backward is itself recorded (second derivatives), one kernel computes the
  // same values in one pass (g and y share the dtype there)
  return unaryOp('sigmoid', 'sigmoid', expectTensor(x, 'sigmoid', 'x'), (g, y) =>
    isGradEnabled() || g.dtype !== y.dtype
      ? mul(g, mul(y, sub(1, y)))
      : constantBinary('sigmoidGrad', g, y),
  );
}
