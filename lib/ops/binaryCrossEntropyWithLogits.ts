import type { Tensor } from '../autograd/index.js';
import { mean } from './mean.js';
import { mul } from './mul.js';
import { softplus } from './softplus.js';
import { sub } from './sub.js';
import { checkValuesIn, lossOperands } from './util.js';

/**
 * Binary cross-entropy of logits x (σ(x) the probability): mean(softplus(x) − x·t), the same
 * as binaryCrossEntropy(sigmoid(x), t) but stable: finite and exact at x = ±1000.
 * Its gradient is (σ(x) − t)/n. Targets outside [0, 1] are an `ArgumentError` (they would give
 * negative losses; PyTorch does not check them); NaN passes through into a NaN loss.
 *
 * @example binaryCrossEntropyWithLogits(tensor([0]), tensor([1]))  // 0.6931
 */
export function binaryCrossEntropyWithLogits(logits: Tensor, target: Tensor | number): Tensor {
  const [x, t] = lossOperands(logits, target, 'binaryCrossEntropyWithLogits');
  checkValuesIn(t, 0, 1, 'binaryCrossEntropyWithLogits', 'target', '0/1 labels or soft targets');
  return mean(sub(softplus(x), mul(x, t)));
}
