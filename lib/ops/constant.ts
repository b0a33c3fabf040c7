import { Tensor } from '../autograd/index.js';
import { getBackend, type UnaryOp } from '../backend/index.js';
import { allocate } from '../core/index.js';

/**
 * An elementwise function of `x` that is a constant for differentiation (no graph is recorded):
 * masks such as relu's step, whose own derivative is zero almost everywhere.
 */
export function constantUnary(kernel: UnaryOp, x: Tensor, p1?: number, p2?: number): Tensor {
  const out = allocate(x.dtype, x.size);
  getBackend().unary(kernel, x.data, out, p1, p2);
  return new Tensor(out, x.shape);
}
