import type { TypedArray } from '../core/index.js';
import type { Window2d } from './window2d.js';

/**
 * For each output position of a max pooling, the flat index into `x` of its window's largest
 * element. Ties go to the first in row-major window order, and a NaN wins (as PyTorch); the
 * padding never wins (it is −∞). A window wholly in the padding (never, with padding at most
 * half the kernel) gets −1.
 */
export function maxPool2dIndices(x: TypedArray, indices: Int32Array, g: Window2d): void {
  const { n, c, h, w, kh, kw, sh, sw, dh, dw, padTop, padLeft, oh, ow } = g;
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    const base = plane * h * w;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++, o++) {
        let best = -1;
        let max = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < kh; i++) {
          const iy = oy * sh - padTop + i * dh;
          if (iy < 0 || iy >= h) continue;
          for (let j = 0; j < kw; j++) {
            const ix = ox * sw - padLeft + j * dw;
            if (ix < 0 || ix >= w) continue;
            const at = base + iy * w + ix;
            const v = x[at];
            if (best < 0 || v > max || (Number.isNaN(v) && !Number.isNaN(max))) {
              best = at;
              max = v;
            }
          }
        }
        indices[o] = best;
      }
    }
  }
}
