import { defer, type MonoTypeOperatorFunction, tap } from 'rxjs';
import { ArgumentError, excerpt } from '../core/index.js';
import type { RestartsEvent } from './events.js';
import { formatEvent } from './formatEvent.js';

/** Options of `logEvery`. */
export interface LogEveryOptions {
  /** Count epochs (the default) or steps (step events: use `fit`'s `emit`). */
  on?: 'epoch' | 'step';
  /** Where the lines go. Default `console.log`. */
  log?: (line: string) => void;
}

/**
 * Logs one line (see `formatEvent`) for every n-th epoch (or step) event, for the last epoch of
 * the run, and for `earlyStop`, `learningRate` and `summary` events; every event passes through
 * unchanged. A side effect only: it never alters the stream.
 *
 * @example
 * fit(model, data, { ...options, epochs: 100 }).pipe(logEvery(10)).subscribe();
 * // epoch 10/100  loss 0.31  lr 0.1  4 ms
 */
export function logEvery<E extends RestartsEvent>(
  n: number,
  options: LogEveryOptions = {},
): MonoTypeOperatorFunction<E> {
  return (source) =>
    defer(() => {
      if (!Number.isInteger(n) || n <= 0) {
        throw new ArgumentError(`logEvery: n must be a positive integer, got ${excerpt(n)}`);
      }
      const on = options.on ?? 'epoch';
      if (on !== 'epoch' && on !== 'step') {
        throw new ArgumentError(`logEvery: on must be 'epoch' or 'step', got ${excerpt(on)}`);
      }
      const log = options.log ?? ((line: string) => console.log(line));
      let epochs: number | undefined;
      return source.pipe(
        tap((e) => {
          if (e.type === 'start') epochs = e.epochs;
          const due =
            (e.type === on &&
              (e.type === 'epoch' ? e.epoch : e.type === 'step' ? e.step : 0) % n === 0) ||
            (e.type === 'epoch' && e.epoch === epochs && on === 'epoch') ||
            e.type === 'earlyStop' ||
            e.type === 'learningRate' ||
            e.type === 'summary';
          if (due) log(formatEvent(e, epochs));
        }),
      );
    });
}
