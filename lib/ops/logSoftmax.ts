import type { Tensor } from '../autograd/index.js';
import { normalizeAxis } from '../core/index.js';
import { exp } from './exp.js';
import { log } from './log.js';
import { stableMax } from './stableMax.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { expectTensor } from './util.js';

/**
 * xᵢ − ln Σⱼ e^(xⱼ) along `axis` (the last by default): the log of softmax without its
 * underflow. A composite: z = x − max(x), then z − ln Σ e^z, with every exponent ≤ 0.
 *
 * @example logSoftmax(tensor([1000, 0]))  // [0, -1000]
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const t = expectTensor(x, 'logSoftmax', 'x');
  const ax = normalizeAxis(axis, t.rank, 'logSoftmax');
  const z = sub(t, stableMax(t, [ax]));
  return sub(z, log(sum(exp(z), ax, true)));
}
