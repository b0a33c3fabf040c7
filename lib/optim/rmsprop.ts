import type { Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import { ArgumentError, excerpt, type TypedArray } from '../core/index.js';
import { BaseOptimizer, type BufferLayout } from './BaseOptimizer.js';
import type { Optimizer, Schedule } from './Optimizer.js';
import { checkKnown, checkLr, checkRange } from './options.js';

/** Options of `rmsprop`. */
export interface RmspropOptions {
  /** Learning rate, or a schedule of the step. Default 1e-2. */
  lr?: number | Schedule;
  /** Smoothing constant α of the squared-gradient average, in [0, 1). Default 0.99. */
  alpha?: number;
  /** Added to the denominator for stability. Default 1e-8. */
  eps?: number;
  /** Momentum factor μ ≥ 0. Default 0. */
  momentum?: number;
  /** Normalise by the estimated variance (subtract the squared mean gradient). Default false. */
  centered?: boolean;
  /** L2 penalty λ added to the gradient. Default 0. */
  weightDecay?: number;
}

const KNOWN = ['lr', 'alpha', 'eps', 'momentum', 'centered', 'weightDecay'];

class Rmsprop extends BaseOptimizer {
  constructor(
    params: readonly Tensor[],
    lr: number | Schedule,
    private readonly alpha: number,
    private readonly eps: number,
    private readonly momentum: number,
    private readonly centered: boolean,
    private readonly weightDecay: number,
  ) {
    const layout: BufferLayout = { squareAvg: 'elementwise' };
    if (momentum !== 0) layout.momentum = 'elementwise';
    if (centered) layout.gradAvg = 'elementwise';
    super('rmsprop', params, lr, layout);
  }

  protected update(index: number, p: TypedArray, g: TypedArray, lr: number): void {
    const { alpha, eps, momentum: mu, weightDecay: wd } = this;
    const v = this.bufferOrZeros('squareAvg', index);
    const gAvg = this.centered ? this.bufferOrZeros('gradAvg', index) : null;
    const buf = mu !== 0 ? this.bufferOrZeros('momentum', index) : null;
    const rule = { rule: 'rmsprop', lr, alpha, eps, momentum: mu, weightDecay: wd } as const;
    getBackend().update(rule, p, g, [v, gAvg, buf]);
  }
}

/**
 * RMSprop (Hinton, 2012), as PyTorch's `torch.optim.RMSprop`. With gₜ = ∇θ + λθ:
 *
 * vₜ = αvₜ₋₁ + (1−α)gₜ²;  centered: ḡₜ = αḡₜ₋₁ + (1−α)gₜ, v̂ = vₜ − ḡₜ² (else v̂ = vₜ);
 * momentum: bₜ = μbₜ₋₁ + gₜ/(√v̂ + ε), θ ← θ − lr·bₜ;  else θ ← θ − lr·gₜ/(√v̂ + ε)
 *
 * @example const opt = rmsprop(model.parameters(), { lr: 1e-3 });
 */
export function rmsprop(params: readonly Tensor[], options: RmspropOptions = {}): Optimizer {
  const where = 'rmsprop';
  checkKnown(where, options, KNOWN);
  const lr = checkLr(where, options.lr ?? 1e-2);
  const alpha = checkRange(where, 'alpha', options.alpha ?? 0.99, 0, 1);
  const eps = checkRange(where, 'eps', options.eps ?? 1e-8, 0);
  const momentum = checkRange(where, 'momentum', options.momentum ?? 0, 0);
  const centered = options.centered ?? false;
  if (typeof centered !== 'boolean') {
    throw new ArgumentError(`${where}: centered must be a boolean, got ${excerpt(centered)}`);
  }
  const weightDecay = checkRange(where, 'weightDecay', options.weightDecay ?? 0, 0);
  return new Rmsprop(params, lr, alpha, eps, momentum, centered, weightDecay);
}
