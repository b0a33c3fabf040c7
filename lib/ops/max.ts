import { fromOp, Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import {
  ArgumentError,
  allocate,
  booleanOption,
  formatShape,
  normalizeAxes,
  sizeOf,
} from '../core/index.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';
import { type Axis, reducedShape } from './sum.js';
import { expectTensor } from './util.js';

/** The shared primitive of `max` and `min`. */
export function extremum(op: 'max' | 'min', x: Tensor, axis: Axis, keepDims: boolean): Tensor {
  const t = expectTensor(x, op, 'x');
  const axes = normalizeAxes(axis, t.rank, op);
  booleanOption(keepDims, false, op, 'keepDims');
  if (axes.some((a) => t.shape[a] === 0)) {
    throw new ArgumentError(
      `${op}: cannot reduce over an empty axis, got shape ${formatShape(t.shape)} and axes ${formatShape(axes)}`,
    );
  }
  const shape = reducedShape(t.shape, axes, keepDims);
  const out = allocate(t.dtype, sizeOf(shape));
  const backend = getBackend();
  backend.reduce(op, t.data, t.shape, axes, out);
  // d max(x) = dy at the position of the maximum   (NOTE: ties share dy evenly, as PyTorch's amax)
  return fromOp(op, out, shape, [t], (g, y) => {
    const kept = reducedShape(t.shape, axes, true);
    const mask = allocate(t.dtype, t.size);
    backend.binary('equal', t.data, t.shape, y.data, kept, mask, t.shape);
    const count = allocate(t.dtype, y.size);
    backend.reduce('sum', mask, t.shape, axes, count);
    const share = allocate(t.dtype, t.size);
    backend.binary('div', mask, t.shape, count, kept, share, t.shape);
    return [mul(reshape(g, kept), new Tensor(share, t.shape))];
  });
}

/**
 * Largest element over `axis` (all axes by default). Its gradient goes to the maximum; when
 * several elements tie for it, they share the gradient evenly.
 *
 * @example max(tensor([[1, 5], [7, 2]]), 1)  // [5, 7]
 */
export function max(x: Tensor, axis?: Axis, keepDims = false): Tensor {
  return extremum('max', x, axis, keepDims);
}
