import type { Tensor } from '../autograd/index.js';
import { noGrad } from '../autograd/index.js';
import { max } from './max.js';

/**
 * The maximum over `axes` (kept as size-1 dimensions), as a constant for differentiation: the
 * shift that makes exp(x − m) ≤ 1 in softmax, logSoftmax and logSumExp.
 * NOTE: those functions do not depend on the shift, so its gradient is zero and need not be
 * recorded; a non-finite maximum (a row of −∞) is replaced by 0 so that x − m stays finite.
 */
export function stableMax(x: Tensor, axes: readonly number[]): Tensor {
  const m = noGrad(() => max(x, axes, true));
  const d = m.data;
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) d[i] = 0;
  return m;
}
