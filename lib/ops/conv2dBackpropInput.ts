import { fromOp, type Tensor } from '../autograd/index.js';
import { type Conv2dGeometry, getBackend } from '../backend/index.js';
import { allocate, formatShape, ShapeError, shapesEqual } from '../core/index.js';
import { cast } from './cast.js';
import { convolve } from './conv2d.js';
import { conv2dBackpropFilter } from './conv2dBackpropFilter.js';
import { expectTensor } from './util.js';

/** A ShapeError unless `t` has `shape`. */
export function expectShape(t: Tensor, shape: readonly number[], op: string, arg: string): void {
  if (!shapesEqual(t.shape, shape)) {
    throw new ShapeError(
      `${op}: ${arg} must have shape ${formatShape(shape)} for this geometry, got ${formatShape(t.shape)}`,
    );
  }
}

/**
 * The backward of conv2d in its input (a transposed convolution): dx [N,C,H,W] from dy
 * [N,O,oH,oW] and the weight, for the geometry of the forward convolution. A primitive, so
 * that second derivatives of conv2d are themselves convolutions.
 */
export function conv2dBackpropInput(dy: Tensor, weight: Tensor, geometry: Conv2dGeometry): Tensor {
  const g = geometry;
  let tdy = expectTensor(dy, 'conv2dBackpropInput', 'dy');
  let tw = expectTensor(weight, 'conv2dBackpropInput', 'weight');
  expectShape(tdy, [g.n, g.o, g.oh, g.ow], 'conv2dBackpropInput', 'dy');
  expectShape(tw, [g.o, g.c / g.groups, g.kh, g.kw], 'conv2dBackpropInput', 'weight');
  if (tdy.dtype !== tw.dtype) {
    tdy = cast(tdy, 'float64');
    tw = cast(tw, 'float64');
  }
  const out = allocate(tdy.dtype, g.n * g.c * g.h * g.w);
  getBackend().conv2dBackpropInput(tdy.data, tw.data, out, g);
  const a = tdy;
  const w = tw;
  return fromOp('conv2dBackpropInput', out, [g.n, g.c, g.h, g.w], [a, w], (gg) => [
    // dx = ⋆ᵀ_w(dy) is bilinear in (dy, w):  d dy = gg ⋆ w,  dw = ⋆ᵀ_gg(dy)
    a.requiresGrad ? convolve(gg, w, null, g) : null,
    w.requiresGrad ? conv2dBackpropFilter(gg, a, g) : null,
  ]);
}
