import { fromOp, type Tensor } from '../autograd/index.js';
import { allocate, ShapeError, sizeOf } from '../core/index.js';
import { reshape } from './reshape.js';
import { scatterAdd } from './scatterAdd.js';
import { expectTensor, type IndicesLike, toIndices } from './util.js';

/**
 * Rows of x picked by integer `indices` (along the first axis; repeats allowed): the result has
 * shape [...indices.shape, ...x.shape.slice(1)]. For mini-batches and embedding lookups.
 *
 * @example gather(tensor([[1, 2], [3, 4], [5, 6]]), [2, 0])  // [[5, 6], [1, 2]]
 */
export function gather(x: Tensor, indices: IndicesLike): Tensor {
  const t = expectTensor(x, 'gather', 'x');
  if (t.rank === 0)
    throw new ShapeError('gather: x must have at least one dimension, got a scalar');
  const idx = toIndices(indices, t.shape[0], 'gather', 'indices');
  const rowShape = t.shape.slice(1);
  const row = sizeOf(rowShape);
  const shape = [...idx.shape, ...rowShape];
  const out = allocate(t.dtype, sizeOf(shape), 'gather');
  const src = t.data;
  const ix = idx.data;
  if (row === 1) for (let k = 0; k < ix.length; k++) out[k] = src[ix[k]];
  else {
    for (let k = 0; k < ix.length; k++) {
      const from = ix[k] * row;
      const to = k * row;
      for (let j = 0; j < row; j++) out[to + j] = src[from + j];
    }
  }
  // d gather(x, i) = scatter-add of dy into the rows i of zeros (repeated rows accumulate)
  return fromOp('gather', out, shape, [t], (g) => [
    scatterAdd(reshape(g, [ix.length, ...rowShape]), ix, t.shape[0]),
  ]);
}
