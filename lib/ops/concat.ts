import { fromOp, type Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  allocate,
  formatShape,
  normalizeAxis,
  promoteTypes,
  ShapeError,
  sizeOf,
} from '../core/index.js';
import { cast } from './cast.js';
import { copyBox } from './region.js';
import { slice } from './slice.js';
import { expectTensor } from './util.js';

/**
 * Joins tensors along an existing `axis` (default 0); all other dimensions must agree.
 * Mixed dtypes promote.
 *
 * @example concat([zeros([2, 3]), ones([1, 3])]).shape  // [3, 3]
 */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0) {
    throw new ArgumentError(
      `concat: tensors must be a non-empty list of tensors, got ${Array.isArray(tensors) ? '[]' : typeof tensors}`,
    );
  }
  let ts = tensors.map((t, i) => expectTensor(t, 'concat', `tensors[${i}]`));
  const first = ts[0];
  if (first.rank === 0) throw new ShapeError('concat: cannot concatenate scalars (rank 0)');
  const ax = normalizeAxis(axis, first.rank, 'concat');
  ts.forEach((t, i) => {
    const ok = t.rank === first.rank && t.shape.every((d, j) => j === ax || d === first.shape[j]);
    if (!ok) {
      throw new ShapeError(
        `concat: tensors[${i}] has shape ${formatShape(t.shape)}, which does not match ${formatShape(first.shape)} outside axis ${ax}`,
      );
    }
  });
  const dtype = ts.map((t) => t.dtype).reduce(promoteTypes);
  ts = ts.map((t) => cast(t, dtype));
  const shape = [...first.shape];
  shape[ax] = ts.reduce((n, t) => n + t.shape[ax], 0);
  const out = allocate(dtype, sizeOf(shape), 'concat');
  const begins: number[][] = [];
  let at = 0;
  for (const t of ts) {
    const begin = shape.map((_, j) => (j === ax ? at : 0));
    begins.push(begin);
    copyBox(out, shape, t.data, t.shape, begin, true);
    at += t.shape[ax];
  }
  // d concat(xs) = the slice of dy that each x filled
  return fromOp('concat', out, shape, ts, (g) =>
    ts.map((t, i) => (t.requiresGrad ? slice(g, begins[i], t.shape) : null)),
  );
}
