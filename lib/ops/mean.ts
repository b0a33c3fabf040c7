import type { Tensor } from '../autograd/index.js';
import { booleanOption, normalizeAxes } from '../core/index.js';
import { div } from './div.js';
import { type Axis, sum } from './sum.js';
import { expectTensor } from './util.js';

/** Arithmetic mean over `axis` (all axes by default): a composite, Σx / n. */
export function mean(x: Tensor, axis?: Axis, keepDims = false): Tensor {
  const t = expectTensor(x, 'mean', 'x');
  const axes = normalizeAxes(axis, t.rank, 'mean');
  booleanOption(keepDims, false, 'mean', 'keepDims');
  const count = axes.reduce((n, a) => n * t.shape[a], 1);
  return div(sum(t, axes, keepDims), count);
}
