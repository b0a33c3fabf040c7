import type { Shape, TypedArray } from '../core/index.js';

/**
 * Copies between a contiguous block `small` of shape `size` and the box of that size at `begin`
 * inside `big` (of shape `bigShape`): into the box when `toBig`, out of it otherwise. The memory
 * kernel of slice, its backward, and concat. One row (the last axis) is copied at a time.
 */
export function copyBox(
  big: TypedArray,
  bigShape: Shape,
  small: TypedArray,
  size: Shape,
  begin: readonly number[],
  toBig: boolean,
): void {
  const rank = size.length;
  if (small.length === 0) return;
  const strides = new Array<number>(rank);
  let offset = 0;
  for (let d = rank - 1, s = 1; d >= 0; d--) {
    strides[d] = s;
    offset += begin[d] * s;
    s *= bigShape[d];
  }
  const run = rank === 0 ? 1 : size[rank - 1];
  const idx = new Array<number>(rank).fill(0);
  for (let o = 0; o < small.length; o += run) {
    if (toBig) for (let j = 0; j < run; j++) big[offset + j] = small[o + j];
    else for (let j = 0; j < run; j++) small[o + j] = big[offset + j];
    for (let d = rank - 2; d >= 0; d--) {
      idx[d]++;
      offset += strides[d];
      if (idx[d] < size[d]) break;
      offset -= strides[d] * size[d];
      idx[d] = 0;
    }
  }
}
