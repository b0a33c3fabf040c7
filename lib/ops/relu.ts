import { fromOp, storageOf, type Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import { allocate } from '../core/index.js';
import { constantUnary } from './constant.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { expectTensor } from './util.js';

/**
 * g·[x > 0] in one pass (the backward of relu); differentiable in g, and x is a constant mask,
 * exactly as mul(g, step(x)), which it replaces where g and x have the same shape and dtype.
 */
function reluGrad(g: Tensor, x: Tensor): Tensor {
  if (g.dtype !== x.dtype || g.size !== x.size) return mul(g, constantUnary('step', x));
  const out = allocate(g.dtype, g.size);
  getBackend().binary('reluGrad', storageOf(g), g.shape, storageOf(x), x.shape, out, g.shape);
  // d(g·[x > 0]) = [x > 0]·dg
  return fromOp('reluGrad', out, g.shape, [g], (gg) => [reluGrad(gg, x)]);
}

/**
 * max(x, 0), elementwise; NaN stays NaN and −0 stays −0, as in PyTorch.
 * NOTE: its derivative at a NaN input is NaN, where PyTorch passes the gradient through: on
 * purpose, so that a NaN never disappears behind a relu layer, in either direction.
 */
export function relu(x: Tensor): Tensor {
  // d relu(x) = [x > 0]·dx  (NOTE: the derivative at 0 is taken as 0, as PyTorch does)
  return unaryOp('relu', 'relu', expectTensor(x, 'relu', 'x'), (g, _y, tx) => reluGrad(g, tx));
}
