import type { Shape, TypedArray } from '../core/index.js';
import type { ReduceOp } from './Backend.js';
import type { BinaryKernel } from './elementwiseKernels.js';

// Fast paths for a per-channel operand: one that broadcasts along every axis but a contiguous
// block in the middle, e.g. a batch-norm statistic of shape [C, 1] against [N, C, H·W]. The
// general strided loops of the JS kernels cost ~10 ns per element there; these run along
// contiguous rows of the inner axes instead, as the row and column cases do.

/**
 * [outer, mid, inner] when `small` (aligned right against `outShape`, missing axes 1) is 1 on
 * every axis but one contiguous block, where it equals `outShape`, with inner > 1; else null.
 */
export function middleBlock(small: Shape, outShape: Shape): [number, number, number] | null {
  const rank = outShape.length;
  const lead = rank - small.length;
  if (lead < 0) return null;
  let first = -1;
  let last = -1;
  for (let i = 0; i < rank; i++) {
    const d = i < lead ? 1 : small[i - lead];
    if (d === 1 && outShape[i] !== 1) continue;
    if (d !== outShape[i]) return null;
    if (d === 1) continue;
    if (first < 0) first = i;
    else if (last !== i - 1) return null;
    last = i;
  }
  if (first < 0) return null;
  let outer = 1;
  let mid = 1;
  let inner = 1;
  outShape.forEach((d, i) => {
    if (i < first) outer *= d;
    else if (i <= last) mid *= d;
    else inner *= d;
  });
  return inner > 1 ? [outer, mid, inner] : null;
}

/**
 * out = a ∘ b where one operand is per-`mid` ([outer, mid, inner] blocks) and the other full,
 * or a scalar (a broadcast copy is x + 0).
 */
export function binaryMiddle(
  loop: BinaryKernel['loop'],
  a: TypedArray,
  b: TypedArray,
  out: TypedArray,
  smallIsA: boolean,
  [outer, mid, inner]: [number, number, number],
): void {
  const s = (smallIsA ? b : a).length === 1 ? 0 : 1;
  for (let o = 0, at = 0; o < outer; o++) {
    for (let m = 0; m < mid; m++, at += inner) {
      if (smallIsA) loop(a, m, 0, b, at * s, s, out, at, inner);
      else loop(a, at * s, s, b, m, 0, out, at, inner);
    }
  }
}

/**
 * out[m] = ⊕ over o and i of x[o, m, i]: a reduction over every axis but a contiguous middle
 * block (`out` is already filled with the op's initial value).
 */
export function reduceToMiddle(
  op: ReduceOp,
  x: TypedArray,
  out: TypedArray,
  [outer, mid, inner]: [number, number, number],
): void {
  for (let o = 0, at = 0; o < outer; o++) {
    for (let m = 0; m < mid; m++) {
      let acc = out[m];
      const end = at + inner;
      if (op === 'sum') for (; at < end; at++) acc += x[at];
      else if (op === 'max')
        for (; at < end; at++) acc = x[at] > acc || Number.isNaN(x[at]) ? x[at] : acc;
      else for (; at < end; at++) acc = x[at] < acc || Number.isNaN(x[at]) ? x[at] : acc;
      out[m] = acc;
    }
  }
}
