import type { Tensor } from '../autograd/index.js';
import { normalizeAxis } from '../core/index.js';
import { reshape } from './reshape.js';
import { expectTensor } from './util.js';

/**
 * Inserts a dimension of size 1 at `axis` (in [−rank−1, rank]). A composite of reshape.
 *
 * @example expandDims(zeros([3]), 0).shape  // [1, 3]
 */
export function expandDims(x: Tensor, axis = 0): Tensor {
  const t = expectTensor(x, 'expandDims', 'x');
  const ax = normalizeAxis(axis, t.rank + 1, 'expandDims');
  return reshape(t, [...t.shape.slice(0, ax), 1, ...t.shape.slice(ax)]);
}
