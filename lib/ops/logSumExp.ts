import type { Tensor } from '../autograd/index.js';
import { booleanOption, normalizeAxes } from '../core/index.js';
import { add } from './add.js';
import { exp } from './exp.js';
import { log } from './log.js';
import { reshape } from './reshape.js';
import { stableMax } from './stableMax.js';
import { sub } from './sub.js';
import { type Axis, reducedShape, sum } from './sum.js';
import { expectTensor } from './util.js';

/**
 * ln Σ eˣ over `axis` (all axes by default), computed stably as m + ln Σ e^(x−m) with m the
 * maximum: finite at ±1000. A composite; its gradient is softmax(x).
 *
 * @example logSumExp(tensor([1000, 1000]))  // 1000.6931
 */
export function logSumExp(x: Tensor, axis?: Axis, keepDims = false): Tensor {
  const t = expectTensor(x, 'logSumExp', 'x');
  const axes = normalizeAxes(axis, t.rank, 'logSumExp');
  booleanOption(keepDims, false, 'logSumExp', 'keepDims');
  const m = stableMax(t, axes);
  const r = add(log(sum(exp(sub(t, m)), axes, true)), m);
  return keepDims ? r : reshape(r, reducedShape(t.shape, axes, false));
}
