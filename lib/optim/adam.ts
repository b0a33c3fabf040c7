import type { Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import { ArgumentError, excerpt, type TypedArray } from '../core/index.js';
import { BaseOptimizer, type BufferLayout } from './BaseOptimizer.js';
import type { Optimizer, Schedule } from './Optimizer.js';
import { checkKnown, checkLr, checkRange } from './options.js';

/** Options of `adam` and `adamw`. */
export interface AdamOptions {
  /** Learning rate, or a schedule of the step. Default 1e-3. */
  lr?: number | Schedule;
  /** Decay rates (β₁, β₂) of the moment estimates, each in [0, 1). Default [0.9, 0.999]. */
  betas?: readonly [number, number];
  /** Added to the denominator for stability. Default 1e-8. */
  eps?: number;
  /** Weight decay λ: an L2 term in `adam`, decoupled in `adamw`. Default 0 (adam), 0.01 (adamw). */
  weightDecay?: number;
  /** Use the maximum of past second moments (Reddi et al., 2018). Default false. */
  amsgrad?: boolean;
}

const KNOWN = ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad'];

/** Adam and AdamW: the same moments, with the weight decay coupled (L2) or decoupled. */
export class Adam extends BaseOptimizer {
  constructor(
    name: string,
    params: readonly Tensor[],
    lr: number | Schedule,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
    private readonly weightDecay: number,
    private readonly amsgrad: boolean,
    private readonly decoupled: boolean,
  ) {
    const layout: BufferLayout = { step: 'scalar', expAvg: 'elementwise', expAvgSq: 'elementwise' };
    if (amsgrad) layout.maxExpAvgSq = 'elementwise';
    super(name, params, lr, layout);
  }

  protected update(index: number, p: TypedArray, g: TypedArray, lr: number): void {
    const { beta1: b1, beta2: b2, eps, weightDecay: wd, decoupled } = this;
    const step = this.bufferOrZeros('step', index);
    const t = ++step[0];
    const m = this.bufferOrZeros('expAvg', index);
    const v = this.bufferOrZeros('expAvgSq', index);
    const vMax = this.amsgrad ? this.bufferOrZeros('maxExpAvgSq', index) : null;
    const stepSize = lr / (1 - b1 ** t);
    const bc2Sqrt = Math.sqrt(1 - b2 ** t);
    const l2 = decoupled ? 0 : wd;
    // decoupled (AdamW): θ ← θ·(1 − lr·λ) before the Adam step
    const shrink = decoupled ? 1 - lr * wd : 1;
    const rule = { rule: 'adam', b1, b2, stepSize, bc2Sqrt, eps, l2, shrink } as const;
    getBackend().update(rule, p, g, [m, v, vMax]);
  }
}

/** Validates the options shared by adam and adamw. */
export function adamOptions(where: string, options: AdamOptions, defaultWeightDecay: number) {
  checkKnown(where, options, KNOWN);
  const lr = checkLr(where, options.lr ?? 1e-3);
  const betas = options.betas ?? [0.9, 0.999];
  if (!Array.isArray(betas) || betas.length !== 2) {
    throw new ArgumentError(`${where}: betas must be two numbers in [0, 1), got ${excerpt(betas)}`);
  }
  const beta1 = checkRange(where, 'betas[0]', betas[0], 0, 1);
  const beta2 = checkRange(where, 'betas[1]', betas[1], 0, 1);
  const eps = checkRange(where, 'eps', options.eps ?? 1e-8, 0);
  const weightDecay = checkRange(
    where,
    'weightDecay',
    options.weightDecay ?? defaultWeightDecay,
    0,
  );
  const amsgrad = options.amsgrad ?? false;
  if (typeof amsgrad !== 'boolean') {
    throw new ArgumentError(`${where}: amsgrad must be a boolean, got ${excerpt(amsgrad)}`);
  }
  return { lr, beta1, beta2, eps, weightDecay, amsgrad };
}

/**
 * Adam (Kingma & Ba, 2015) with bias correction, as PyTorch's `torch.optim.Adam`; weight decay
 * is an L2 term added to the gradient. With gₜ = ∇θ + λθ:
 *
 * mₜ = β₁mₜ₋₁ + (1−β₁)gₜ,  vₜ = β₂vₜ₋₁ + (1−β₂)gₜ²,
 * θ ← θ − lr/(1−β₁ᵗ) · mₜ / (√vₜ/√(1−β₂ᵗ) + ε)   (amsgrad: max of the vₜ so far instead of vₜ)
 *
 * @example const opt = adam(model.parameters(), { lr: 1e-3 });
 */
export function adam(params: readonly Tensor[], options: AdamOptions = {}): Optimizer {
  const o = adamOptions('adam', options, 0);
  return new Adam('adam', params, o.lr, o.beta1, o.beta2, o.eps, o.weightDecay, o.amsgrad, false);
}
