import { full, type Tensor } from '../autograd/index.js';
import { ArgumentError } from '../core/index.js';
import { add } from './add.js';
import { sub } from './sub.js';
import { unslice } from './unslice.js';
import { expectNumber, expectTensor } from './util.js';

/** Padding widths: one number for every side of every axis, one [before, after] pair for every axis, or a pair per axis. */
export type PadWidths = number | readonly [number, number] | readonly (readonly [number, number])[];

function resolveWidths(widths: unknown, rank: number): [number, number][] {
  const ok = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  const isPair = (v: unknown): v is [number, number] =>
    Array.isArray(v) && v.length === 2 && v.every(ok);
  if (ok(widths)) return Array.from({ length: rank }, () => [widths as number, widths as number]);
  if (isPair(widths)) return Array.from({ length: rank }, () => [widths[0], widths[1]]);
  if (Array.isArray(widths) && widths.length === rank && widths.every(isPair)) {
    return widths.map((p) => [p[0], p[1]]);
  }
  throw new ArgumentError(
    `pad: widths must be an integer ≥ 0, a [before, after] pair, or one pair per axis (${rank} for this input), got ${JSON.stringify(widths)}`,
  );
}

/**
 * x with `value` (default 0) added before and after each axis, as numpy's `pad` in constant
 * mode: `widths` is one number, one [before, after] pair for every axis, or a pair per axis.
 * A composite: x placed in a box of a larger shape (`unslice`), so its gradient is the slice of
 * dy where x went.
 *
 * @example pad(tensor([[1, 2]]), [[0, 0], [1, 2]])  // [[0, 1, 2, 0, 0]]
 * @example pad(x, [[0, 0], [0, 0], [2, 2], [2, 2]])  // NCHW: two zero rows and columns on each side
 */
export function pad(x: Tensor, widths: PadWidths, value = 0): Tensor {
  const t = expectTensor(x, 'pad', 'x');
  const v = expectNumber(value, 'pad', 'value');
  const w = resolveWidths(widths, t.rank);
  const shape = t.shape.map((d, i) => d + w[i][0] + w[i][1]);
  const begin = w.map((p) => p[0]);
  const y = unslice(t, shape, begin);
  if (v === 0) return y;
  // + a constant that is v outside the box and exactly 0 inside (v − v), so x stays bit for bit
  const opts = { dtype: t.dtype };
  return add(y, sub(full(shape, v, opts), unslice(full(t.shape, v, opts), shape, begin)));
}
