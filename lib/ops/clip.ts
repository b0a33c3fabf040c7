import type { Tensor } from '../autograd/index.js';
import { ArgumentError } from '../core/index.js';
import { constantBinary } from './constant.js';
import { unaryOp } from './elementwise.js';
import { mul } from './mul.js';
import { expectNumber, expectTensor } from './util.js';

/**
 * x limited to [min, max], elementwise: min(max(x, min), max). Either bound may be omitted.
 *
 * @example clip(tensor([-2, 0.5, 3]), 0, 1)  // [0, 0.5, 1]
 */
export function clip(x: Tensor, min?: number, max?: number): Tensor {
  const t = expectTensor(x, 'clip', 'x');
  const lo = min === undefined ? Number.NEGATIVE_INFINITY : expectNumber(min, 'clip', 'min');
  const hi = max === undefined ? Number.POSITIVE_INFINITY : expectNumber(max, 'clip', 'max');
  if (lo > hi) throw new ArgumentError(`clip: min must not exceed max, got min=${lo}, max=${hi}`);
  // d clip(x) = [min ≤ x ≤ max]·dx   (the bounds themselves pass the gradient, as in PyTorch)
  return unaryOp('clip', 'clip', t, (g, y, tx) => mul(g, constantBinary('equal', y, tx)), lo, hi);
}
