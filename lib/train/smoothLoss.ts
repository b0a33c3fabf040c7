import { defer, type MonoTypeOperatorFunction, map } from 'rxjs';
import { ArgumentError } from '../core/index.js';
import type { TrainEvent } from './events.js';

/**
 * Adds `smoothLoss`, an exponential moving average of the loss, to every `step` event (or
 * every `epoch` event with `{ on: 'epoch' }`); other events pass unchanged. `alpha` is the
 * weight of the newest loss (as pandas' `ewm(alpha)`, without bias adjustment): 1 is no
 * smoothing, small values smooth more. The first value is the first loss itself.
 *
 * s₁ = loss₁,  sₜ = α·lossₜ + (1 − α)·sₜ₋₁
 *
 * @example
 * fit(model, data, { ...options, emit: 'step' }).pipe(smoothLoss(0.1))
 */
export function smoothLoss(
  alpha: number,
  options: { on?: 'step' | 'epoch' } = {},
): MonoTypeOperatorFunction<TrainEvent> {
  return (source) =>
    defer(() => {
      if (typeof alpha !== 'number' || !(alpha > 0 && alpha <= 1)) {
        throw new ArgumentError(
          `smoothLoss: alpha must be in (0, 1], got ${JSON.stringify(alpha)}`,
        );
      }
      const on = options.on ?? 'step';
      if (on !== 'step' && on !== 'epoch') {
        throw new ArgumentError(
          `smoothLoss: on must be 'step' or 'epoch', got ${JSON.stringify(on)}`,
        );
      }
      let s = Number.NaN;
      let first = true;
      return source.pipe(
        map((e) => {
          if ((e.type !== 'step' && e.type !== 'epoch') || e.type !== on) return e;
          s = first ? e.loss : alpha * e.loss + (1 - alpha) * s;
          first = false;
          return { ...e, smoothLoss: s };
        }),
      );
    });
}
