import { fromOp, type Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import { allocate } from '../core/index.js';
import type { Size2d } from './conv2dGeometry.js';
import { type Pool2dOptions, poolWindow } from './poolWindow.js';
import { reshape } from './reshape.js';
import { scatterAdd } from './scatterAdd.js';
import { expectTensor } from './util.js';

/**
 * Max pooling of x [N,C,H,W]: the largest value of each kH×kW window (stride = kernel by
 * default; padding counts as −∞), shape [N, C, oH, oW]. The kernel also records where each
 * maximum was, and the gradient is dy added at those positions (a `scatterAdd`, whose own
 * gradient is a `gather`, so second derivatives follow). NOTE: on ties the whole gradient goes
 * to the first maximum in row-major window order, as PyTorch's CPU kernel does; a NaN in the
 * window is its maximum.
 *
 * @example maxPool2d(x, 2)  // [64,16,28,28] → [64,16,14,14]
 */
export function maxPool2d(x: Tensor, kernelSize: Size2d, options: Pool2dOptions = {}): Tensor {
  const t = expectTensor(x, 'maxPool2d', 'x');
  const g = poolWindow(t.shape, kernelSize, options ?? {}, 'maxPool2d');
  const size = g.n * g.c * g.oh * g.ow;
  const out = allocate(t.dtype, size);
  const indices = new Int32Array(size);
  getBackend().maxPool2d(t.data, out, indices, g);
  // dx = dy scattered to the argmax of each window (windows that share it add up)
  return fromOp('maxPool2d', out, [g.n, g.c, g.oh, g.ow], [t], (dy) => [
    reshape(scatterAdd(reshape(dy, [size]), indices, t.size), t.shape),
  ]);
}
