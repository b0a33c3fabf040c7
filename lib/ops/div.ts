import type { Tensor } from '../autograd/index.js';
import { binaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import type { TensorLike } from './util.js';

/** a / b, elementwise with broadcasting. */
export function div(a: TensorLike, b: TensorLike): Tensor {
  // d(a/b) = da/b − (a/b²)·db = da/b − y·db/b
  return binaryOp('div', 'div', a, b, (g, y, ta, tb) => {
    const gOverB = div(g, tb);
    return [ta.requiresGrad ? gOverB : null, tb.requiresGrad ? neg(mul(gOverB, y)) : null];
  });
}
