import { fromOp, type Tensor } from '../autograd/index.js';
import { type Conv2dGeometry, getBackend } from '../backend/index.js';
import { allocate, formatShape, ShapeError } from '../core/index.js';
import { cast } from './cast.js';
import { conv2dBackpropFilter } from './conv2dBackpropFilter.js';
import { conv2dBackpropInput } from './conv2dBackpropInput.js';
import { type Conv2dOptions, conv2dGeometry } from './conv2dGeometry.js';
import { reshape } from './reshape.js';
import { sum } from './sum.js';
import { expectTensor } from './util.js';

/** The primitive on a resolved geometry (operands of one dtype): y = x ⋆ w (+ b). */
export function convolve(x: Tensor, w: Tensor, b: Tensor | null, g: Conv2dGeometry): Tensor {
  const shape = [g.n, g.o, g.oh, g.ow];
  const out = allocate(x.dtype, g.n * g.o * g.oh * g.ow);
  getBackend().conv2d(x.data, w.data, b?.data ?? null, out, g);
  return fromOp('conv2d', out, shape, b ? [x, w, b] : [x, w], (dy) => {
    // y = x ⋆ w + b is bilinear in (x, w):  dx = ⋆ᵀ_w(dy),  dw = ⋆ᵀ_x(dy),  db = Σ_{n,i,j} dy
    const gx = x.requiresGrad ? conv2dBackpropInput(dy, w, g) : null;
    const gw = w.requiresGrad ? conv2dBackpropFilter(x, dy, g) : null;
    if (!b) return [gx, gw];
    const gb = b.requiresGrad ? sum(sum(reshape(dy, [g.n, g.o, g.oh * g.ow]), 2), 0) : null;
    return [gx, gw, gb];
  });
}

/**
 * 2-D convolution of NCHW input x [N,C,H,W] with weight [O, C/groups, kH, kW] (PyTorch's and
 * ONNX's layouts), as deep learning defines it (a cross-correlation: the kernel is not
 * flipped): y[n,o,i,j] = b[o] + Σ_{c,p,q} w[o,c,p,q] · x[n, c, i·s + p·d − pad, j·s + q·d − pad],
 * the sum over the input channels of o's group, zeros outside x. The result is
 * [N, O, oH, oW] with oH = ⌊(H + padding − dilation·(kH − 1) − 1) / stride⌋ + 1.
 * Mixed float32/float64 operands compute in float64.
 *
 * @example conv2d(x, w, { bias: b, padding: 1 })       // [64,1,28,28] ⋆ [16,1,3,3] → [64,16,28,28]
 * @example conv2d(x, w, { stride: 2, padding: 'valid', groups: 4 })
 */
export function conv2d(x: Tensor, weight: Tensor, options: Conv2dOptions = {}): Tensor {
  let tx = expectTensor(x, 'conv2d', 'x');
  let tw = expectTensor(weight, 'conv2d', 'weight');
  const bias = options?.bias ?? null;
  let tb = bias === null ? null : expectTensor(bias, 'conv2d', 'bias');
  const g = conv2dGeometry(tx.shape, tw.shape, options ?? {});
  if (tb && !(tb.rank === 1 && tb.shape[0] === g.o)) {
    throw new ShapeError(`conv2d: bias must have shape [${g.o}], got ${formatShape(tb.shape)}`);
  }
  if (tx.dtype !== tw.dtype || (tb && tb.dtype !== tx.dtype)) {
    tx = cast(tx, 'float64');
    tw = cast(tw, 'float64');
    tb = tb && cast(tb, 'float64');
  }
  return convolve(tx, tw, tb, g);
}
