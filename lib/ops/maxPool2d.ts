import type { Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import type { Size2d } from './conv2dGeometry.js';
import { gather } from './gather.js';
import { type Pool2dOptions, poolWindow } from './poolWindow.js';
import { reshape } from './reshape.js';
import { expectTensor } from './util.js';

/**
 * Max pooling of x [N,C,H,W]: the largest value of each kH×kW window (stride = kernel by
 * default; padding counts as −∞), shape [N, C, oH, oW]. A composite: the kernel finds each
 * window's maximum, and a `gather` of x at those positions is the result, so the gradient
 * flows (through gather's scatter-add) to the maximum only. NOTE: on ties the whole gradient
 * goes to the first maximum in row-major window order, as PyTorch's CPU kernel does; a NaN in
 * the window is its maximum.
 *
 * @example maxPool2d(x, 2)  // [64,16,28,28] → [64,16,14,14]
 */
export function maxPool2d(x: Tensor, kernelSize: Size2d, options: Pool2dOptions = {}): Tensor {
  const t = expectTensor(x, 'maxPool2d', 'x');
  const g = poolWindow(t.shape, kernelSize, options ?? {}, 'maxPool2d');
  const indices = new Int32Array(g.n * g.c * g.oh * g.ow);
  getBackend().maxPool2dIndices(t.data, indices, g);
  return reshape(gather(reshape(t, [-1]), indices), [g.n, g.c, g.oh, g.ow]);
}
