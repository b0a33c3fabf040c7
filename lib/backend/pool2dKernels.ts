import type { TypedArray } from '../core/index.js';
import type { Window2d } from './window2d.js';

/**
 * Max pooling: y = the largest element of each window, and `indices` its flat index into x.
 * Ties go to the first in row-major window order, and a NaN wins (as PyTorch); the padding
 * never wins (it is −∞). A window wholly in the padding (never, with padding at most half the
 * kernel) gets −∞ and index −1.
 */
export function maxPool2d(x: TypedArray, y: TypedArray, indices: Int32Array, g: Window2d): void {
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
        y[o] = max;
        indices[o] = best;
      }
    }
  }
}
