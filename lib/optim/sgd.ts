import type { Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import { ArgumentError, excerpt, type TypedArray } from '../core/index.js';
import { BaseOptimizer } from './BaseOptimizer.js';
import type { Optimizer, Schedule } from './Optimizer.js';
import { checkKnown, checkLr, checkRange } from './options.js';

/** Options of `sgd`. */
export interface SgdOptions {
  /** Learning rate, or a schedule of the step. Required. */
  lr: number | Schedule;
  /** Momentum factor μ ≥ 0. Default 0 (plain gradient descent). */
  momentum?: number;
  /** Dampening τ of the momentum. Default 0. */
  dampening?: number;
  /** Nesterov momentum (needs momentum > 0 and dampening 0). Default false. */
  nesterov?: boolean;
  /** L2 penalty λ added to the gradient. Default 0. */
  weightDecay?: number;
}

const KNOWN = ['lr', 'momentum', 'dampening', 'nesterov', 'weightDecay'];

class Sgd extends BaseOptimizer {
  constructor(
    params: readonly Tensor[],
    lr: number | Schedule,
    private readonly momentum: number,
    private readonly dampening: number,
    private readonly nesterov: boolean,
    private readonly weightDecay: number,
  ) {
    super('sgd', params, lr, momentum !== 0 ? { momentum: 'elementwise' } : {});
  }

  protected update(index: number, p: TypedArray, g: TypedArray, lr: number): void {
    const { momentum, dampening, nesterov, weightDecay } = this;
    let buf = momentum !== 0 ? this.buffer('momentum', index) : null;
    const first = momentum !== 0 && buf === null;
    if (first) buf = this.createBuffer('momentum', index);
    const rule = { rule: 'sgd', lr, momentum, dampening, nesterov, weightDecay, first } as const;
    getBackend().update(rule, p, g, [buf]);
  }
}

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay,
 * exactly as PyTorch's `torch.optim.SGD` defines them. With gₜ = ∇θ + λθ:
 *
 * bₜ = gₜ (t = 1),  bₜ = μ·bₜ₋₁ + (1 − τ)·gₜ (t > 1);  θ ← θ − lr·(nesterov ? gₜ + μ·bₜ : bₜ)
 *
 * @example
 * const opt = sgd(model.parameters(), { lr: 0.1, momentum: 0.9 });
 * loss.backward(); opt.step(); opt.zeroGrad();
 */
export function sgd(params: readonly Tensor[], options: SgdOptions): Optimizer {
  checkKnown('sgd', options, KNOWN);
  if (options.lr === undefined)
    throw new ArgumentError('sgd: lr is required (the learning rate), got no lr option');
  const lr = checkLr('sgd', options.lr);
  const momentum = checkRange('sgd', 'momentum', options.momentum ?? 0, 0);
  const dampening = checkRange('sgd', 'dampening', options.dampening ?? 0, 0, 1, true);
  const nesterov = options.nesterov ?? false;
  if (typeof nesterov !== 'boolean') {
    throw new ArgumentError(`sgd: nesterov must be a boolean, got ${excerpt(nesterov)}`);
  }
  if (nesterov && (momentum === 0 || dampening !== 0)) {
    throw new ArgumentError(
      `sgd: nesterov needs momentum > 0 and dampening 0, got momentum ${momentum}, dampening ${dampening}`,
    );
  }
  const weightDecay = checkRange('sgd', 'weightDecay', options.weightDecay ?? 0, 0);
  return new Sgd(params, lr, momentum, dampening, nesterov, weightDecay);
}
