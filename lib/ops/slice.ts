import { fromOp, type Tensor } from '../autograd/index.js';
import { ArgumentError, allocate, excerpt, formatShape, sizeOf } from '../core/index.js';
import { copyBox } from './region.js';
import { unslice } from './unslice.js';
import { expectTensor } from './util.js';

function perAxis(v: unknown, rank: number, fill: number, arg: string): number[] {
  const list = typeof v === 'number' ? [v] : v === undefined ? [] : v;
  if (!Array.isArray(list) || list.length > rank || !list.every((d) => Number.isInteger(d))) {
    throw new ArgumentError(
      `slice: ${arg} must be an integer or a list of at most ${rank} integers (one per axis), got ${excerpt(v)}`,
    );
  }
  return Array.from({ length: rank }, (_, i) => list[i] ?? fill);
}

/** Resolves slice arguments against a shape into non-negative begins and sizes, or throws. */
export function resolveSlice(
  shape: readonly number[],
  begin: number | readonly number[],
  size?: number | readonly number[],
): { begin: number[]; size: number[] } {
  const b = perAxis(begin, shape.length, 0, 'begin');
  const s = perAxis(size, shape.length, -1, 'size');
  for (let i = 0; i < shape.length; i++) {
    const dim = shape[i];
    if (b[i] < -dim || b[i] > dim) {
      throw new ArgumentError(
        `slice: begin[${i}] = ${b[i]} is out of range for dimension ${i} of shape ${formatShape(shape)} (size ${dim})`,
      );
    }
    if (b[i] < 0) b[i] += dim;
    if (s[i] === -1) s[i] = dim - b[i];
    if (s[i] < 0 || b[i] + s[i] > dim) {
      throw new ArgumentError(
        `slice: begin[${i}] + size[${i}] = ${b[i]} + ${s[i]} exceeds dimension ${i} of shape ${formatShape(shape)} (size ${dim})`,
      );
    }
  }
  return { begin: b, size: s };
}

/**
 * The box of x that starts at `begin` and has `size` elements along each axis (as tf.slice).
 * A number applies to the first axis; missing axes start at 0 and run to the end; a size of −1
 * runs to the end; a negative begin counts from the end. The result is a copy.
 *
 * @example slice(tensor([[1, 2, 3], [4, 5, 6]]), [0, 1], [2, 2])  // [[2, 3], [5, 6]]
 * @example slice(x, 10, 32)  // rows 10..41: a mini-batch
 */
export function slice(
  x: Tensor,
  begin: number | readonly number[],
  size?: number | readonly number[],
): Tensor {
  const t = expectTensor(x, 'slice', 'x');
  const r = resolveSlice(t.shape, begin, size);
  const out = allocate(t.dtype, sizeOf(r.size));
  copyBox(t.data, t.shape, out, r.size, r.begin, false);
  // d slice(x) = dy placed back at `begin` in zeros of x's shape
  return fromOp('slice', out, r.size, [t], (g) => [unslice(g, t.shape, r.begin)]);
}
