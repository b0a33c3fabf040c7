import type { Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt, normalizeAxis } from '../core/index.js';
import { reshape } from './reshape.js';
import { expectTensor } from './util.js';

/**
 * Merges the axes startAxis..endAxis (inclusive; all by default) into one, as torch.flatten.
 * A composite of reshape; a scalar becomes a vector of one element.
 *
 * @example flatten(zeros([8, 2, 3]), 1).shape  // [8, 6]
 */
export function flatten(x: Tensor, startAxis = 0, endAxis = -1): Tensor {
  const t = expectTensor(x, 'flatten', 'x');
  if (t.rank === 0) return reshape(t, [1]);
  const start = normalizeAxis(startAxis, t.rank, 'flatten');
  const end = normalizeAxis(endAxis, t.rank, 'flatten');
  if (start > end) {
    throw new ArgumentError(
      `flatten: startAxis must not come after endAxis, got ${excerpt(startAxis)} and ${endAxis} for rank ${t.rank}`,
    );
  }
  let merged = 1;
  for (let i = start; i <= end; i++) merged *= t.shape[i];
  return reshape(t, [...t.shape.slice(0, start), merged, ...t.shape.slice(end + 1)]);
}
