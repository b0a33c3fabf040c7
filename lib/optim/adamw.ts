import type { Tensor } from '../autograd/index.js';
import { Adam, type AdamOptions, adamOptions } from './adam.js';
import type { Optimizer } from './Optimizer.js';

/**
 * AdamW (Loshchilov & Hutter, 2019), as PyTorch's `torch.optim.AdamW`: Adam whose weight decay
 * is decoupled from the gradient, θ ← θ·(1 − lr·λ), then the Adam step on the plain gradient.
 * Default weightDecay 0.01.
 *
 * @example const opt = adamw(model.parameters(), { lr: 1e-3, weightDecay: 0.05 });
 */
export function adamw(params: readonly Tensor[], options: AdamOptions = {}): Optimizer {
  const o = adamOptions('adamw', options, 0.01);
  return new Adam('adamw', params, o.lr, o.beta1, o.beta2, o.eps, o.weightDecay, o.amsgrad, true);
}
