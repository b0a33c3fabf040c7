import type { TypedArray } from '../core/index.js';
import type { BinaryOp, UnaryOp } from './Backend.js';

/**
 * The JS kernels' inner loops, one per op, written out so that each loop body is inlined.
 * NOTE: calling the op through a table of functions inside the loop made the call site
 * megamorphic: 3–10 µs for 455 elements instead of about 1 µs (docs/benchmarks.md).
 * Every expression here must stay the one in jsBackend's table, which remains the reference.
 */
export function unaryLoop(
  op: UnaryOp,
  x: TypedArray,
  out: TypedArray,
  a: number,
  b: number,
  fallback: (x: number, a: number, b: number) => number,
): void {
  const n = x.length;
  switch (op) {
    case 'copy':
      out.set(x);
      return;
    case 'neg':
      for (let i = 0; i < n; i++) out[i] = -x[i];
      return;
    case 'exp':
      for (let i = 0; i < n; i++) out[i] = Math.exp(x[i]);
      return;
    case 'log':
      for (let i = 0; i < n; i++) out[i] = Math.log(x[i]);
      return;
    case 'sqrt':
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i]);
      return;
    case 'abs':
      for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]);
      return;
    case 'square':
      for (let i = 0; i < n; i++) out[i] = x[i] * x[i];
      return;
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = x[i] < 0 ? 0 : x[i];
      return;
    case 'step':
      for (let i = 0; i < n; i++) {
        const v = x[i];
        out[i] = v > 0 ? 1 : v <= 0 ? 0 : v;
      }
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i]);
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        const v = x[i];
        // NOTE: as in the table: exp only of −|x|, so nothing overflows
        if (v >= 0) out[i] = 1 / (1 + Math.exp(-v));
        else {
          const e = Math.exp(v);
          out[i] = e / (1 + e);
        }
      }
      return;
    case 'clip':
      for (let i = 0; i < n; i++) {
        const v = x[i];
        out[i] = v < a ? a : v > b ? b : v;
      }
      return;
    case 'affine':
      for (let i = 0; i < n; i++) out[i] = a * x[i] + b;
      return;
    default:
      for (let i = 0; i < n; i++) out[i] = fallback(x[i], a, b);
  }
}

/**
 * out[o + i] = a[ia + i·sa] ∘ b[ib + i·sb] for i < n, where a stride is 1 (along the operand) or
 * 0 (one value repeated): the same-shape, scalar and bias-row cases of a broadcast.
 */
export function binaryLoop(
  op: BinaryOp,
  a: TypedArray,
  ia: number,
  sa: number,
  b: TypedArray,
  ib: number,
  sb: number,
  out: TypedArray,
  o: number,
  n: number,
  fallback: (x: number, y: number) => number,
): void {
  switch (op) {
    case 'add':
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] + b[ib + i * sb];
      return;
    case 'sub':
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] - b[ib + i * sb];
      return;
    case 'mul':
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] * b[ib + i * sb];
      return;
    case 'div':
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] / b[ib + i * sb];
      return;
    case 'greater':
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] > b[ib + i * sb] ? 1 : 0;
      return;
    case 'equal':
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] === b[ib + i * sb] ? 1 : 0;
      return;
    case 'reluGrad':
      for (let i = 0; i < n; i++) {
        const v = b[ib + i * sb];
        out[o + i] = a[ia + i * sa] * (v > 0 ? 1 : v <= 0 ? 0 : v);
      }
      return;
    default:
      for (let i = 0; i < n; i++) out[o + i] = fallback(a[ia + i * sa], b[ib + i * sb]);
  }
}
