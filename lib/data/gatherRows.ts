import { sealedTensor, storageOf, type Tensor } from '../autograd/index.js';
import { ArgumentError, allocate, formatShape, ShapeError } from '../core/index.js';

/**
 * Copies the rows `indices` of `t` (along its first axis) into a new tensor, in that order.
 * Plain data: the result does not require grad and is not recorded.
 *
 * result[i, ...] = t[indices[i], ...]
 *
 * @example
 * gatherRows(tensor([[1, 2], [3, 4], [5, 6]]), [2, 0]); // [[5, 6], [1, 2]]
 */
export function gatherRows(t: Tensor, indices: ArrayLike<number>, where = 'gatherRows'): Tensor {
  if (t.rank === 0) {
    throw new ShapeError(
      `${where}: expected a tensor with a rows axis, got shape ${formatShape(t.shape)}`,
    );
  }
  const n = t.shape[0];
  const rowSize = n === 0 ? 0 : t.size / n;
  const out = allocate(t.dtype, indices.length * rowSize, where);
  const source = storageOf(t); // read only
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    if (!Number.isInteger(r) || r < 0 || r >= n) {
      throw new ArgumentError(
        `${where}: row index ${r} at position ${i} is out of range for ${n} rows`,
      );
    }
    out.set(source.subarray(r * rowSize, (r + 1) * rowSize), i * rowSize);
  }
  return sealedTensor(out, [indices.length, ...t.shape.slice(1)]);
}
