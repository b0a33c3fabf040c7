import { Tensor } from '../autograd/index.js';
import { allocate } from '../core/index.js';
import { conv2d } from './conv2d.js';
import type { Size2d } from './conv2dGeometry.js';
import { mul } from './mul.js';
import { type Pool2dOptions, poolWindow } from './poolWindow.js';
import { expectTensor } from './util.js';

/** Options of `avgPool2d`. */
export interface AvgPool2dOptions extends Pool2dOptions {
  /** Divide by the whole window, padding included (PyTorch's default, true), or by its part inside x. */
  countIncludePad?: boolean;
}

/**
 * Average pooling of x [N,C,H,W]: the mean of each kH×kW window (stride = kernel by default;
 * padding counts as zeros), shape [N, C, oH, oW]. A composite: a convolution of each channel
 * with a constant kernel of 1/(kH·kW) (groups = C), so its gradient spreads dy evenly over the
 * window. With `countIncludePad: false` a window that overlaps the padding is divided by the
 * number of its elements inside x instead.
 *
 * @example avgPool2d(x, 2)  // [64,16,28,28] → [64,16,14,14]
 */
export function avgPool2d(x: Tensor, kernelSize: Size2d, options: AvgPool2dOptions = {}): Tensor {
  const t = expectTensor(x, 'avgPool2d', 'x');
  const o = options ?? {};
  const g = poolWindow(t.shape, kernelSize, o, 'avgPool2d');
  const window = g.kh * g.kw;
  const kernel = allocate(t.dtype, g.c * window).fill(1 / window);
  const y = conv2d(t, new Tensor(kernel, [g.c, 1, g.kh, g.kw]), {
    stride: [g.sh, g.sw],
    padding: [g.padTop, g.padLeft],
    groups: g.c,
  });
  if (o.countIncludePad !== false || (g.padTop === 0 && g.padLeft === 0)) return y;
  // the share of each window inside x: window / count, one value per output position
  const scale = allocate(t.dtype, g.oh * g.ow);
  const inside = (o0: number, s: number, k: number, p: number, size: number) =>
    Math.min(o0 * s - p + k, size) - Math.max(o0 * s - p, 0);
  for (let i = 0; i < g.oh; i++) {
    for (let j = 0; j < g.ow; j++) {
      const count = inside(i, g.sh, g.kh, g.padTop, g.h) * inside(j, g.sw, g.kw, g.padLeft, g.w);
      scale[i * g.ow + j] = window / count;
    }
  }
  return mul(y, new Tensor(scale, [g.oh, g.ow]));
}
