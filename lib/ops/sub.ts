import type { Tensor } from '../autograd/index.js';
import { binaryOp } from './elementwise.js';
import { neg } from './neg.js';
import type { TensorLike } from './util.js';

/** a − b, elementwise with broadcasting. */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  // d(a-b) = da - db
  return binaryOp('sub', 'sub', a, b, (g, _y, _a, tb) => [g, tb.requiresGrad ? neg(g) : null]);
}
