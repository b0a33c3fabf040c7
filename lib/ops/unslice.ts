import { fromOp, type Tensor } from '../autograd/index.js';
import { ArgumentError, allocate, checkShape, formatShape, sizeOf } from '../core/index.js';
import { copyBox } from './region.js';
import { slice } from './slice.js';
import { expectTensor } from './util.js';

/**
 * Zeros of `shape` with x written into the box at `begin`: the backward of slice (and of concat).
 *
 * @example unslice(tensor([1, 2]), [4], [1])  // [0, 1, 2, 0]
 */
export function unslice(x: Tensor, shape: readonly number[], begin: readonly number[]): Tensor {
  const t = expectTensor(x, 'unslice', 'x');
  const s = checkShape(shape, 'unslice');
  const fits =
    s.length === t.rank &&
    begin.length === t.rank &&
    s.every((d, i) => Number.isInteger(begin[i]) && begin[i] >= 0 && begin[i] + t.shape[i] <= d);
  if (!fits) {
    throw new ArgumentError(
      `unslice: a box of shape ${formatShape(t.shape)} at ${formatShape(begin)} does not fit in shape ${formatShape(s)}`,
    );
  }
  const out = allocate(t.dtype, sizeOf(s));
  copyBox(out, s, t.data, t.shape, begin, true);
  // d unslice(x) = slice(dy, begin, x.shape)
  return fromOp('unslice', out, s, [t], (g) => [slice(g, begin, t.shape)]);
}
