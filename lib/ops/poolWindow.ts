import type { Window2d } from '../backend/index.js';
import { ArgumentError, ShapeError } from '../core/index.js';
import { expectRank, outputSize, pair, type Size2d } from './conv2dGeometry.js';

/** Options of `maxPool2d` and `avgPool2d`. */
export interface Pool2dOptions {
  /** Step of the window. Default: the kernel size (windows side by side). */
  stride?: Size2d;
  /** Padding on both sides of each axis, at most half the kernel. Default 0. */
  padding?: Size2d;
}

/** The window of a pooling of x [N,C,H,W] with every check and its error. */
export function poolWindow(
  xShape: readonly number[],
  kernelSize: Size2d,
  options: Pool2dOptions,
  op: string,
): Window2d {
  expectRank(xShape, 4, op, 'input');
  const [kh, kw] = pair(kernelSize, 1, op, 'kernelSize');
  const [sh, sw] = pair(options.stride ?? [kh, kw], 1, op, 'stride');
  const [ph, pw] = pair(options.padding ?? 0, 0, op, 'padding');
  if (2 * ph > kh || 2 * pw > kw) {
    throw new ArgumentError(
      `${op}: padding must be at most half the kernel size, got padding ${ph}×${pw} for kernel ${kh}×${kw}`,
    );
  }
  const [n, c, h, w] = xShape;
  const oh = outputSize(h, 2 * ph, kh, 1, sh);
  const ow = outputSize(w, 2 * pw, kw, 1, sw);
  if (oh < 1 || ow < 1) {
    throw new ShapeError(
      `${op}: the kernel ${kh}×${kw} is larger than the padded input ${h + 2 * ph}×${w + 2 * pw}`,
    );
  }
  return { n, c, h, w, kh, kw, sh, sw, dh: 1, dw: 1, padTop: ph, padLeft: pw, oh, ow };
}
