import { type MonoTypeOperatorFunction, tap } from 'rxjs';
import { NonFiniteError } from '../core/index.js';
import type { RestartsEvent } from './events.js';
import type { NonFiniteDetails } from './StepEngine.js';

/** The numbers of a step or epoch event that must be finite, by name. */
function numbersOf(e: RestartsEvent): [string, number | undefined][] {
  if (e.type === 'step')
    return [
      ['loss', e.loss],
      ['smoothLoss', e.smoothLoss],
    ];
  if (e.type !== 'epoch') return [];
  return [
    ['loss', e.loss],
    ['valLoss', e.valLoss],
    ['smoothLoss', e.smoothLoss],
    ...Object.entries(e.metrics).map(([k, v]): [string, number] => [`metrics.${k}`, v]),
    ...Object.entries(e.valMetrics ?? {}).map(([k, v]): [string, number] => [`valMetrics.${k}`, v]),
  ];
}

/**
 * Ends the stream with a `NonFiniteError` at the first `step` or `epoch` event holding NaN or
 * ±Infinity in its loss, validation loss, smoothed loss or any metric; it names the field, the
 * epoch and the step (also as `step`/`epoch` properties of the error). `fit` already fails on a
 * non-finite training loss; this also catches validation losses and metrics, and streams built
 * by other means.
 *
 * @example
 * fit(model, data, { ...options, validation: 0.2 }).pipe(terminateOnNonFinite())
 */
export function terminateOnNonFinite<E extends RestartsEvent>(): MonoTypeOperatorFunction<E> {
  return tap((e: E) => {
    for (const [name, v] of numbersOf(e)) {
      if (v === undefined || Number.isFinite(v)) continue;
      const epoch = 'epoch' in e ? e.epoch : 0;
      const step = 'step' in e ? e.step : 0;
      const details: NonFiniteDetails = { step, epoch, op: null };
      throw Object.assign(
        new NonFiniteError(
          `terminateOnNonFinite: ${name} is ${v} in the ${e.type} event of epoch ${epoch}, step ${step}`,
        ),
        details,
      );
    }
  });
}
