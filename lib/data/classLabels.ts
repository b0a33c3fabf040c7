import type { Tensor } from '../autograd/index.js';
import { formatShape, NonFiniteError, ShapeError } from '../core/index.js';

/**
 * One class label per sample from targets `y`: the values of a [n] or [n, 1] tensor, or the
 * argmax of each row of a [n, k] tensor (one-hot or probabilities).
 */
export function classLabels(y: Tensor, where: string): number[] {
  if (y.rank !== 1 && y.rank !== 2) {
    throw new ShapeError(
      `${where}: targets must have shape [n] or [n, classes], got ${formatShape(y.shape)}`,
    );
  }
  const n = y.shape[0];
  const k = y.rank === 2 ? y.shape[1] : 1;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 0; j < k; j++) {
      const v = y.data[i * k + j];
      if (Number.isNaN(v)) throw new NonFiniteError(`${where}: target of sample ${i} is NaN`);
      if (v > y.data[i * k + best]) best = j;
    }
    out[i] = k === 1 ? y.data[i] : best;
  }
  return out;
}
