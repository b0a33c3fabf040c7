import { fromOp, storageOf, type Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import { allocate, booleanOption, normalizeAxes, sizeOf } from '../core/index.js';
import { broadcastTo } from './broadcastTo.js';
import { reshape } from './reshape.js';
import { expectTensor } from './util.js';

/** Axis argument of reductions: one axis, several, negative ones counting from the end; undefined for all. */
export type Axis = number | readonly number[] | undefined;

/** The shape a reduction over `axes` leaves, with or without the reduced dimensions kept as 1. */
export function reducedShape(
  shape: readonly number[],
  axes: readonly number[],
  keepDims: boolean,
): number[] {
  return keepDims
    ? shape.map((d, i) => (axes.includes(i) ? 1 : d))
    : shape.filter((_, i) => !axes.includes(i));
}

/**
 * Sum over `axis` (all axes by default).
 *
 * @example sum(tensor([[1, 2], [3, 4]]), 0)  // [4, 6]
 */
export function sum(x: Tensor, axis?: Axis, keepDims = false): Tensor {
  const t = expectTensor(x, 'sum', 'x');
  const axes = normalizeAxes(axis, t.rank, 'sum');
  booleanOption(keepDims, false, 'sum', 'keepDims');
  const shape = reducedShape(t.shape, axes, keepDims);
  const out = allocate(t.dtype, sizeOf(shape));
  getBackend().reduce('sum', storageOf(t), t.shape, axes, out);
  // d Σx = broadcast of dy over the summed axes
  return fromOp('sum', out, shape, [t], (g) => [
    broadcastTo(reshape(g, reducedShape(t.shape, axes, true)), t.shape),
  ]);
}
