import { fromOp, type Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import { ArgumentError, allocate, excerpt, formatShape } from '../core/index.js';
import { expectTensor } from './util.js';

/**
 * Permutes the axes of x (`perm[i]` is the input axis that becomes axis i); reverses them by default.
 *
 * @example transpose(zeros([2, 3])).shape  // [3, 2]
 */
export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  const t = expectTensor(x, 'transpose', 'x');
  if (perm !== undefined && !Array.isArray(perm)) {
    throw new ArgumentError(
      `transpose: perm must be a list of axes (a permutation of 0..${t.rank - 1}), got ${excerpt(perm)}`,
    );
  }
  const p = perm
    ? perm.map((a) => (a < 0 ? a + t.rank : a))
    : t.shape.map((_, i) => t.rank - 1 - i);
  const valid =
    p.length === t.rank &&
    p.every((a) => Number.isInteger(a) && a >= 0 && a < t.rank) &&
    new Set(p).size === t.rank;
  if (!valid) {
    throw new ArgumentError(
      `transpose: perm must be a permutation of 0..${t.rank - 1} for shape ${formatShape(t.shape)}, got ${excerpt(perm)}`,
    );
  }
  const shape = p.map((a) => t.shape[a]);
  let out = t.data;
  if (p.some((a, i) => a !== i)) {
    out = allocate(t.dtype, t.size);
    getBackend().transpose(t.data, t.shape, p, out);
  }
  const inverse = new Array<number>(p.length);
  p.forEach((a, i) => {
    inverse[a] = i;
  });
  // d transpose(x, p) = transpose(dy, p⁻¹)
  return fromOp('transpose', out, shape, [t], (g) => [transpose(g, inverse)]);
}
