import { fromOp, type Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import {
  allocate,
  broadcastShapes,
  checkShape,
  formatShape,
  ShapeError,
  shapesEqual,
  sizeOf,
} from '../core/index.js';
import { sumTo } from './sumTo.js';
import { expectTensor } from './util.js';

const ZERO64 = new Float64Array(1);
const ZERO32 = new Float32Array(1);

/** x stretched to `shape` by numpy's broadcasting rules (a copy). */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  const t = expectTensor(x, 'broadcastTo', 'x');
  const target = checkShape(shape, 'broadcastTo');
  if (
    t.rank > target.length ||
    !shapesEqual(broadcastShapes(t.shape, target, 'broadcastTo'), target)
  ) {
    throw new ShapeError(
      `broadcastTo: cannot broadcast ${formatShape(t.shape)} to ${formatShape(target)}`,
    );
  }
  if (shapesEqual(t.shape, target)) return t;
  const out = allocate(t.dtype, sizeOf(target), 'broadcastTo');
  // NOTE: a broadcast copy is x + 0 through the broadcasting kernel (−0 becomes +0).
  getBackend().binary(
    'add',
    t.data,
    t.shape,
    t.dtype === 'float64' ? ZERO64 : ZERO32,
    [],
    out,
    target,
  );
  // d broadcastTo(x) = sumTo(dy, x.shape)
  return fromOp('broadcastTo', out, target, [t], (g) => [sumTo(g, t.shape, t.dtype)]);
}
