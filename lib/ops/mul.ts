import type { Tensor } from '../autograd/index.js';
import { binaryOp } from './elementwise.js';
import type { TensorLike } from './util.js';

/** a · b, elementwise with broadcasting. */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  // d(a*b) = b·da + a·db
  return binaryOp('mul', 'mul', a, b, (g, _y, ta, tb) => [
    ta.requiresGrad ? mul(g, tb) : null,
    tb.requiresGrad ? mul(g, ta) : null,
  ]);
}
