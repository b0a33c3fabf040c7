import { fromOp, type Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  allocate,
  excerpt,
  formatShape,
  ShapeError,
  sizeOf,
} from '../core/index.js';
import { gather } from './gather.js';
import { reshape } from './reshape.js';
import { expectTensor, type IndicesLike, toIndices } from './util.js';

/**
 * Zeros of `rows` rows with the slices of x added into the rows named by `indices`
 * (repeats accumulate): the backward of gather. x has shape [...indices.shape, ...row].
 *
 * @example scatterAdd(tensor([1, 2, 3]), [0, 2, 0], 3)  // [4, 0, 2]
 */
export function scatterAdd(x: Tensor, indices: IndicesLike, rows: number): Tensor {
  const t = expectTensor(x, 'scatterAdd', 'x');
  if (!Number.isInteger(rows) || rows < 0)
    throw new ArgumentError(
      `scatterAdd: rows must be a non-negative integer, got ${excerpt(rows)}`,
    );
  const idx = toIndices(indices, rows, 'scatterAdd', 'indices');
  const lead = idx.shape.length;
  if (t.rank < lead || idx.shape.some((d, i) => d !== t.shape[i])) {
    throw new ShapeError(
      `scatterAdd: x must start with the indices' shape ${formatShape(idx.shape)}, got ${formatShape(t.shape)}`,
    );
  }
  const rowShape = t.shape.slice(lead);
  const row = sizeOf(rowShape);
  const shape = [rows, ...rowShape];
  const out = allocate(t.dtype, sizeOf(shape));
  const src = t.data;
  const ix = idx.data;
  // one value per index (max pooling's backward): a plain loop, without the row loop's overhead
  if (row === 1) for (let k = 0; k < ix.length; k++) out[ix[k]] += src[k];
  else {
    for (let k = 0; k < ix.length; k++) {
      const to = ix[k] * row;
      const from = k * row;
      for (let j = 0; j < row; j++) out[to + j] += src[from + j];
    }
  }
  // d scatterAdd(x, i) = gather(dy, i)
  return fromOp('scatterAdd', out, shape, [t], (g) => [reshape(gather(g, ix), t.shape)]);
}
