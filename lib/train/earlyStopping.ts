import { concatWith, defer, EMPTY, type MonoTypeOperatorFunction, mergeMap, takeWhile } from 'rxjs';
import { ArgumentError } from '../core/index.js';
import type { EarlyStopEvent, EpochEvent, TrainEvent } from './events.js';
import {
  improves,
  type Monitor,
  type MonitorMode,
  nonNegative,
  resolveMonitor,
  worst,
} from './monitor.js';
import type { SnapshotWeights } from './snapshot.js';
import { linkRun, runAt } from './TrainRun.js';

/** Options of `earlyStopping`. */
export interface EarlyStoppingOptions {
  /** What to watch in the epoch events. Default `'valLoss'` with validation, else `'loss'`. */
  monitor?: Monitor;
  /** Default `'max'` for accuracy-like metrics, else `'min'`. */
  mode?: MonitorMode;
  /** Epochs without improvement after which the run stops. Default 5. */
  patience?: number;
  /** The smallest change that counts as an improvement. Default 0. */
  minDelta?: number;
  /**
   * Load the weights of the best epoch back into the model when the run ends (when it stops
   * early, and also when it completes with a later epoch worse than the best). Default false.
   */
  restoreBest?: boolean;
}

const WHERE = 'earlyStopping';

/**
 * Stops a run when the monitored quantity has not improved for `patience` **epochs** (only
 * `epoch` events count; other events pass through untouched). On stopping it emits the epoch
 * event, then an `earlyStop` event, then completes, which unsubscribes from `fit` and ends the
 * run at that step boundary. With `restoreBest` it copies the weights at each new best (through
 * the run handle, see `TrainRun`) and loads them back at the end.
 *
 * stop at epoch e when, for the last `patience` epochs, value ≥ best − minDelta (mode 'min')
 *
 * @example
 * fit(model, data, { ...options, validation: 0.2 })
 *   .pipe(earlyStopping({ monitor: 'valLoss', patience: 3, restoreBest: true }))
 */
export function earlyStopping(
  options: EarlyStoppingOptions = {},
): MonoTypeOperatorFunction<TrainEvent> {
  const monitor = resolveMonitor(options.monitor, options.mode, WHERE);
  const patience = nonNegative(options.patience ?? 5, 'patience (epochs)', WHERE, true);
  const minDelta = nonNegative(options.minDelta ?? 0, 'minDelta', WHERE);
  const restoreBest = options.restoreBest ?? false;
  if (typeof restoreBest !== 'boolean') {
    throw new ArgumentError(`${WHERE}: restoreBest must be a boolean, got ${restoreBest}`);
  }
  return (source) =>
    defer(() => {
      let best = Number.NaN;
      let bestEpoch = 0;
      let wait = 0;
      let bestWeights: SnapshotWeights | null = null;
      let last: EpochEvent | null = null;
      let stop: EarlyStopEvent | null = null;

      const onEpoch = (e: EpochEvent): TrainEvent[] => {
        last = e;
        const mode = monitor.mode(e);
        const value = monitor.read(e);
        if (Number.isNaN(best)) best = worst(mode);
        if (improves(value, best, mode, minDelta)) {
          best = value;
          bestEpoch = e.epoch;
          wait = 0;
          if (restoreBest) bestWeights = runAt(e, WHERE).weights();
          return [e];
        }
        wait++;
        if (wait < patience) return [e];
        const restored = restoreBest && bestWeights !== null;
        if (restored) runAt(e, WHERE).loadWeights(bestWeights!);
        bestWeights = null;
        stop = linkRun(
          {
            type: 'earlyStop',
            epoch: e.epoch,
            step: e.step,
            monitor: monitor.name(e),
            best,
            bestEpoch,
            restored,
          },
          e,
        );
        return [e, stop];
      };

      const atEnd = () => {
        if (restoreBest && bestWeights && last && bestEpoch !== last.epoch) {
          runAt(last, WHERE).loadWeights(bestWeights);
        }
        bestWeights = null;
        return EMPTY;
      };

      return source.pipe(
        mergeMap((e) => (e.type === 'epoch' ? onEpoch(e) : [e])),
        concatWith(defer(atEnd)),
        takeWhile((e) => e !== stop, true),
      );
    });
}
