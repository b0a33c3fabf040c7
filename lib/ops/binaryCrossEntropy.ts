import type { Tensor } from '../autograd/index.js';
import { add } from './add.js';
import { binaryCrossEntropyFast } from './binaryCrossEntropyFast.js';
import { clip } from './clip.js';
import { log } from './log.js';
import { mean } from './mean.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { checkValuesIn, lossOperands } from './util.js';

/** The smallest probability the logs see: ln(1e-12) ≈ −27.6 bounds each term of the loss. */
const EPS = 1e-12;

/**
 * Binary cross-entropy of probabilities, −mean(t·ln p + (1 − t)·ln(1 − p)); pred and target
 * must have the same shape. Prefer `binaryCrossEntropyWithLogits` on raw scores.
 * NOTE: ln 0 = −∞; p and 1 − p are clipped to at least 1e-12, so a saturated prediction costs
 * at most 27.6 per element and its gradient is 0 rather than NaN.
 * Probabilities and targets outside [0, 1] are an `ArgumentError` (they would give negative
 * losses). A NaN passes through into a NaN loss, where `fit` reports it; PyTorch refuses a NaN
 * probability and does not check targets.
 *
 * @example binaryCrossEntropy(tensor([0.9, 0.2]), tensor([1, 0]))  // 0.1643
 */
export function binaryCrossEntropy(prob: Tensor, target: Tensor | number): Tensor {
  const [p, t] = lossOperands(prob, target, 'binaryCrossEntropy');
  checkValuesIn(
    p,
    0,
    1,
    'binaryCrossEntropy',
    'pred',
    'probabilities; pass raw scores to binaryCrossEntropyWithLogits',
  );
  checkValuesIn(t, 0, 1, 'binaryCrossEntropy', 'target', '0/1 labels or soft targets');
  if (typeof t === 'number' || (!t.requiresGrad && t.dtype === p.dtype)) {
    return binaryCrossEntropyFast(p, t, EPS, composite);
  }
  return composite(p, t);
}

/** The loss as a composite of ops: the formula, and the reference of the fused op. */
function composite(p: Tensor, t: Tensor | number): Tensor {
  const positive = mul(t, log(clip(p, EPS)));
  const oneMinusT = typeof t === 'number' ? 1 - t : sub(1, t);
  const negative = mul(oneMinusT, log(clip(sub(1, p), EPS)));
  return sub(0, mean(add(positive, negative)));
}
