import type { Tensor } from '../autograd/index.js';
import { normalizeAxis } from '../core/index.js';
import { div } from './div.js';
import { exp } from './exp.js';
import { stableMax } from './stableMax.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { expectTensor } from './util.js';

/**
 * e^(xᵢ) / Σⱼ e^(xⱼ) along `axis` (the last by default). A composite of exp, sum and div;
 * NOTE: the maximum is subtracted first, so logits of ±1000 give finite, exact results.
 *
 * @example softmax(tensor([2, 1, 0.5]))  // [0.6285, 0.2312, 0.1402]
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  const t = expectTensor(x, 'softmax', 'x');
  const ax = normalizeAxis(axis, t.rank, 'softmax');
  const e = exp(sub(t, stableMax(t, [ax])));
  return div(e, sum(e, ax, true));
}
