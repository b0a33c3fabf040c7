import { fromOp, type Tensor } from '../autograd/index.js';
import { type Conv2dGeometry, getBackend } from '../backend/index.js';
import { allocate } from '../core/index.js';
import { cast } from './cast.js';
import { convolve } from './conv2d.js';
import { conv2dBackpropInput, expectShape } from './conv2dBackpropInput.js';
import { expectTensor } from './util.js';

/**
 * The backward of conv2d in its weight: dw [O, C/groups, kH, kW] from the input x and dy
 * [N,O,oH,oW], summed over the samples, for the geometry of the forward convolution. A
 * primitive, so that second derivatives of conv2d are themselves convolutions.
 */
export function conv2dBackpropFilter(x: Tensor, dy: Tensor, geometry: Conv2dGeometry): Tensor {
  const g = geometry;
  let tx = expectTensor(x, 'conv2dBackpropFilter', 'x');
  let tdy = expectTensor(dy, 'conv2dBackpropFilter', 'dy');
  expectShape(tx, [g.n, g.c, g.h, g.w], 'conv2dBackpropFilter', 'x');
  expectShape(tdy, [g.n, g.o, g.oh, g.ow], 'conv2dBackpropFilter', 'dy');
  if (tx.dtype !== tdy.dtype) {
    tx = cast(tx, 'float64');
    tdy = cast(tdy, 'float64');
  }
  const shape = [g.o, g.c / g.groups, g.kh, g.kw];
  const out = allocate(tx.dtype, g.o * (g.c / g.groups) * g.kh * g.kw);
  getBackend().conv2dBackpropFilter(tx.data, tdy.data, out, g);
  const a = tx;
  const b = tdy;
  return fromOp('conv2dBackpropFilter', out, shape, [a, b], (gg) => [
    // dw = ⋆ᵀ_x(dy) is bilinear in (x, dy):  dx = ⋆ᵀ_gg(dy),  d dy = x ⋆ gg
    a.requiresGrad ? conv2dBackpropInput(b, gg, g) : null,
    b.requiresGrad ? convolve(a, gg, null, g) : null,
  ]);
}
