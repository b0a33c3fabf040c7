import { noGrad, Tensor } from '../autograd/index.js';
import { allocate, sizeOf } from '../core/index.js';
import { max } from './max.js';
import { reducedShape } from './sum.js';

/**
 * The maximum over `axes` (kept as size-1 dimensions), as a constant for differentiation: the
 * shift that makes exp(x − m) ≤ 1 in softmax, logSoftmax and logSumExp.
 * NOTE: those functions do not depend on the shift, so its gradient is zero and need not be
 * recorded; a non-finite maximum (a row of −∞) is replaced by 0 so that x − m stays finite.
 * Over an empty axis there is no maximum, and no element to shift: the shift is 0, so softmax
 * of an empty row is empty and logSumExp of it is ln 0 = −∞, as in PyTorch.
 */
export function stableMax(x: Tensor, axes: readonly number[]): Tensor {
  const kept = reducedShape(x.shape, axes, true);
  if (axes.some((a) => x.shape[a] === 0)) return new Tensor(allocate(x.dtype, sizeOf(kept)), kept);
  const m = noGrad(() => max(x, axes, true));
  const d = m.data;
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) d[i] = 0;
  return m;
}
