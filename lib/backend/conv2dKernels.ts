import type { TypedArray } from '../core/index.js';
import { type Conv2dGeometry, validRange } from './window2d.js';

// The plain-TypeScript convolution kernels: the reference the WebAssembly kernels are checked
// against. One loop nest, three uses: every tap (sample, output channel, input channel, kernel
// row and column) is a multiply-add over the output row positions it reaches, so padding is
// never materialised and no index is tested inside the innermost loop.

/** One tap over an output row: `count` outputs from index `yi`, reading inputs from `xi` every `sw`. */
type Tap = (xi: number, yi: number, count: number, wi: number) => void;

/** Calls `tap` once per (sample, group, output channel, input channel, kernel row, kernel column, output row). */
function eachTap(g: Conv2dGeometry, tap: Tap): void {
  const { n, c, h, w, o, kh, kw, sh, sw, dh, dw, padTop, padLeft, oh, ow, groups } = g;
  const cg = c / groups;
  const og = o / groups;
  for (let s = 0; s < n; s++) {
    for (let oc = 0; oc < o; oc++) {
      const group = Math.floor(oc / og);
      const yPlane = (s * o + oc) * oh * ow;
      for (let ic = 0; ic < cg; ic++) {
        const xPlane = (s * c + group * cg + ic) * h * w;
        for (let i = 0; i < kh; i++) {
          const [y0, y1] = validRange(h, oh, sh, i * dh - padTop);
          for (let j = 0; j < kw; j++) {
            const [x0, x1] = validRange(w, ow, sw, j * dw - padLeft);
            if (x1 <= x0) continue;
            const wi = ((oc * cg + ic) * kh + i) * kw + j;
            for (let oy = y0; oy < y1; oy++) {
              const xRow = xPlane + (oy * sh + i * dh - padTop) * w + j * dw - padLeft;
              tap(xRow + x0 * sw, yPlane + oy * ow + x0, x1 - x0, wi);
            }
          }
        }
      }
    }
  }
}

/** y = x ⋆ weight (+ bias per output channel): the cross-correlation deep-learning calls convolution. */
export function conv2d(
  x: TypedArray,
  weight: TypedArray,
  bias: TypedArray | null,
  y: TypedArray,
  g: Conv2dGeometry,
): void {
  const plane = g.oh * g.ow;
  for (let p = 0; p < g.n * g.o; p++) y.fill(bias ? bias[p % g.o] : 0, p * plane, (p + 1) * plane);
  const { sw } = g;
  eachTap(g, (xi, yi, count, wi) => {
    const wv = weight[wi];
    for (let q = 0; q < count; q++, xi += sw, yi++) y[yi] += wv * x[xi];
  });
}

/** dx = the adjoint of conv2d in x applied to dy: each tap sends dy·weight back to the input it read. */
export function conv2dBackpropInput(
  dy: TypedArray,
  weight: TypedArray,
  dx: TypedArray,
  g: Conv2dGeometry,
): void {
  dx.fill(0);
  const { sw } = g;
  eachTap(g, (xi, yi, count, wi) => {
    const wv = weight[wi];
    for (let q = 0; q < count; q++, xi += sw, yi++) dx[xi] += wv * dy[yi];
  });
}

/** dw = the adjoint of conv2d in w applied to dy: Σ over samples and positions of dy·x per tap. */
export function conv2dBackpropFilter(
  x: TypedArray,
  dy: TypedArray,
  dw: TypedArray,
  g: Conv2dGeometry,
): void {
  dw.fill(0);
  const { sw } = g;
  eachTap(g, (xi, yi, count, wi) => {
    let acc = 0;
    for (let q = 0; q < count; q++, xi += sw, yi++) acc += dy[yi] * x[xi];
    dw[wi] += acc;
  });
}
