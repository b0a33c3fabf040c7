import { Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt } from '../core/index.js';

/**
 * Clamps every gradient element of `params` into [−clip, clip], as PyTorch's
 * `clip_grad_value_`. Parameters without a gradient are skipped.
 *
 * @example clipGradValue(model.parameters(), 0.5)
 */
export function clipGradValue(params: readonly Tensor[], clip: number): void {
  if (typeof clip !== 'number' || !(clip > 0) || !Number.isFinite(clip)) {
    throw new ArgumentError(
      `clipGradValue: clip must be a positive finite number, got ${excerpt(clip)}`,
    );
  }
  if (!Array.isArray(params)) {
    throw new ArgumentError(
      `clipGradValue: params must be an array of tensors, got ${typeof params}`,
    );
  }
  params.forEach((t, i) => {
    if (!(t instanceof Tensor)) {
      throw new ArgumentError(`clipGradValue: params[${i}] must be a Tensor, got ${typeof t}`);
    }
    const g = t.grad;
    if (!g) return;
    // NOTE: a new tensor, not an in-place clamp: gradients may share storage (see clipGradNorm)
    const out = g.data.slice();
    for (let j = 0; j < out.length; j++) out[j] = Math.min(clip, Math.max(-clip, out[j]));
    t.grad = new Tensor(out, g.shape);
  });
}
