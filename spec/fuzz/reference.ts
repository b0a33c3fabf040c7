import type { DType, Tensor } from '../../lib/index.js';

/** Independent reference implementations for the fuzz oracles: plain loops, no rxgrad code. */

export const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** numpy's broadcast of two shapes, or null when they do not broadcast. */
export function broadcast(a: readonly number[], b: readonly number[]): number[] | null {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return null;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** The multi-index of flat position `k` in `shape`. */
export function unravel(k: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = k % shape[d];
    k = Math.floor(k / shape[d]);
  }
  return idx;
}

/** The flat position in `shape` of a broadcast multi-index (right-aligned, size-1 dims stretch). */
export function ravelBroadcast(idx: readonly number[], shape: readonly number[]): number {
  let k = 0;
  const off = idx.length - shape.length;
  for (let d = 0; d < shape.length; d++) k = k * shape[d] + (shape[d] === 1 ? 0 : idx[off + d]);
  return k;
}

/** Rounds like the dtype stores. */
export function store(v: number, dtype: DType): number {
  return dtype === 'float32' ? Math.fround(v) : v;
}

/** Valid axes of a reduction over a tensor of `rank` (rxgrad's rule), sorted, or null. */
export function reductionAxes(axis: unknown, rank: number): number[] | null {
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : Array.isArray(axis) ? axis : null;
  if (list === null) return null;
  const out: number[] = [];
  for (const a of list) {
    if (!isInt(a) || a < -rank || a >= Math.max(rank, 1)) return null;
    out.push(a < 0 ? a + rank : a);
  }
  if (new Set(out).size !== out.length) return null;
  return out.sort((x, y) => x - y);
}

/** The reduction of `x` over `axes` by `f` (an accumulator from an initial value), as flat values. */
export function reduce(
  x: Tensor,
  axes: readonly number[],
  init: number,
  f: (acc: number, v: number) => number,
): { shape: number[]; values: number[] } {
  const shape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const values = new Array<number>(size(shape)).fill(init);
  for (let k = 0; k < x.size; k++) {
    const idx = unravel(k, x.shape);
    let o = 0;
    for (let d = 0; d < shape.length; d++) o = o * shape[d] + (axes.includes(d) ? 0 : idx[d]);
    values[o] = f(values[o], x.data[k]);
  }
  return { shape, values };
}

/** Sum of |x| over the same groups: the scale of a sum's rounding error. */
export function absScale(x: Tensor, axes: readonly number[]): number[] {
  return reduce(x, axes, 0, (a, v) => a + Math.abs(v)).values;
}

/** a @ b of 2-D row-major arrays. */
export function matmul2(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  k: number,
  n: number,
): number[] {
  const out = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
      out[i * n + j] = s;
    }
  return out;
}
