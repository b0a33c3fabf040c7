import { Tensor } from '../autograd/index.js';
import { ArgumentError, checkOptions, excerpt, NonFiniteError } from '../core/index.js';

/** Options of `clipGradNorm`. */
export interface ClipGradNormOptions {
  /** The p of the p-norm, ≥ 1 or Infinity (the largest absolute value). Default 2. */
  normType?: number;
  /** Throw a NonFiniteError when the total norm is NaN or infinite. Default false. */
  errorIfNonFinite?: boolean;
}

/**
 * Rescales the gradients of `params` so that their total norm (all gradients seen as one
 * vector) is at most `maxNorm`, as PyTorch's `clip_grad_norm_`: when the norm exceeds
 * `maxNorm` every gradient is multiplied by maxNorm / (norm + 1e-6). Returns the total norm
 * before clipping. A non-finite norm leaves the gradients as they are (or throws, on request).
 *
 * @example
 * loss.backward();
 * const norm = clipGradNorm(model.parameters(), 1.0);
 * opt.step();
 */
export function clipGradNorm(
  params: readonly Tensor[],
  maxNorm: number,
  options: ClipGradNormOptions = {},
): number {
  if (typeof maxNorm !== 'number' || !(maxNorm >= 0) || !Number.isFinite(maxNorm)) {
    throw new ArgumentError(
      `clipGradNorm: maxNorm must be a non-negative finite number, got ${excerpt(maxNorm)}`,
    );
  }
  const p = checkOptions(options, ['normType', 'errorIfNonFinite'], 'clipGradNorm').normType ?? 2;
  if (typeof p !== 'number' || !(p >= 1)) {
    throw new ArgumentError(`clipGradNorm: normType must be ≥ 1 or Infinity, got ${excerpt(p)}`);
  }
  if (!Array.isArray(params)) {
    throw new ArgumentError(
      `clipGradNorm: params must be an array of tensors, got ${typeof params}`,
    );
  }
  const grads = params.flatMap((t, i) => {
    if (!(t instanceof Tensor)) {
      throw new ArgumentError(`clipGradNorm: params[${i}] must be a Tensor, got ${typeof t}`);
    }
    return t.grad ? [t] : [];
  });
  let total = 0;
  for (const t of grads) {
    const g = t.grad!.data;
    for (let j = 0; j < g.length; j++) {
      const a = Math.abs(g[j]);
      if (p === Number.POSITIVE_INFINITY) total = a > total || Number.isNaN(a) ? a : total;
      else total += p === 2 ? a * a : a ** p;
    }
  }
  if (p !== Number.POSITIVE_INFINITY) total = p === 2 ? Math.sqrt(total) : total ** (1 / p);
  if (!Number.isFinite(total)) {
    if (options.errorIfNonFinite) {
      throw new NonFiniteError(`clipGradNorm: the total ${p}-norm of the gradients is ${total}`);
    }
    return total;
  }
  const coef = maxNorm / (total + 1e-6);
  if (coef < 1) {
    // NOTE: gradients may share storage (backward can hand one tensor to both inputs of an
    // add), so the scaled gradients are new tensors rather than an in-place rescale
    for (const t of grads) {
      const g = t.grad!;
      const out = g.data.slice();
      for (let j = 0; j < out.length; j++) out[j] *= coef;
      t.grad = new Tensor(out, g.shape);
    }
  }
  return total;
}
