import { concatWith, defer, EMPTY, type MonoTypeOperatorFunction, mergeMap, takeWhile } from 'rxjs';
import { ArgumentError } from '../core/index.js';
import { Module } from '../nn/Module.js';
import type { EarlyStopEvent, EpochEvent, TrainEvent } from './events.js';
import {
  improves,
  type Monitor,
  type MonitorMode,
  nonNegative,
  resolveMonitor,
  worst,
} from './monitor.js';
import { operatorState, type PlainWeights, plainWeights, typedWeights } from './operatorState.js';
import { copyWeights, loadWeights, type SnapshotWeights } from './snapshot.js';

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
   * Load the weights of the best epoch back into `model` when the run ends (when it stops
   * early, and also when it completes with a later epoch worse than the best). Default false.
   */
  restoreBest?: boolean;
  /** The model being trained: required by `restoreBest`, which copies and loads its weights. */
  model?: Module;
}

const WHERE = 'earlyStopping';

/** What `earlyStopping` keeps in snapshots: its counters, and the best weights with `restoreBest`. */
interface EarlyStoppingState {
  readonly best: number;
  readonly bestEpoch: number;
  readonly wait: number;
  readonly bestWeights: PlainWeights | null;
}
const kept = operatorState<EarlyStoppingState>(WHERE, ['best', 'bestEpoch', 'wait']);

/**
 * Stops a run when the monitored quantity has not improved for `patience` **epochs** (only
 * `epoch` events count; other events pass through untouched). On stopping it emits the epoch
 * event, then an `earlyStop` event, then completes, which unsubscribes from `fit` and ends the
 * run at that step boundary. With `restoreBest` it copies `model`'s weights at each new best
 * and loads them back at the end: place it directly after `fit`, where each epoch event
 * arrives while the model still holds that epoch's weights. Its counters (and best weights)
 * go into the snapshots of checkpoint events passing it, so a resumed run stops where the
 * uninterrupted one would.
 *
 * stop at epoch e when, for the last `patience` epochs, value ≥ best − minDelta (mode 'min')
 *
 * @example
 * fit(model, data, { ...options, validation: 0.2 })
 *   .pipe(earlyStopping({ monitor: 'valLoss', patience: 3, restoreBest: true, model }))
 */
export function earlyStopping(
  options: EarlyStoppingOptions = {},
): MonoTypeOperatorFunction<TrainEvent> {
  return (source) =>
    defer(() => {
      const monitor = resolveMonitor(options.monitor, options.mode, WHERE);
      const patience = nonNegative(options.patience ?? 5, 'patience (epochs)', WHERE, true);
      const minDelta = nonNegative(options.minDelta ?? 0, 'minDelta', WHERE);
      const { restoreBest = false, model } = options;
      if (typeof restoreBest !== 'boolean') {
        throw new ArgumentError(`${WHERE}: restoreBest must be a boolean, got ${restoreBest}`);
      }
      if (restoreBest && !(model instanceof Module)) {
        throw new ArgumentError(
          `${WHERE}: restoreBest needs the model whose weights it restores, as earlyStopping({ restoreBest: true, model }); got model ${typeof model}`,
        );
      }
      let best = Number.NaN;
      let bestEpoch = 0;
      let wait = 0;
      let bestWeights: SnapshotWeights | null = null;
      let lastEpoch = 0;
      let stop: EarlyStopEvent | null = null;

      const onEpoch = (e: EpochEvent): TrainEvent[] => {
        lastEpoch = e.epoch;
        const mode = monitor.mode(e);
        const value = monitor.read(e);
        if (Number.isNaN(best)) best = worst(mode);
        if (improves(value, best, mode, minDelta)) {
          best = value;
          bestEpoch = e.epoch;
          wait = 0;
          if (restoreBest) bestWeights = copyWeights(model!);
          return [e];
        }
        wait++;
        if (wait < patience) return [e];
        const restored = bestWeights !== null;
        if (restored) loadWeights(model!, bestWeights!, WHERE);
        bestWeights = null;
        stop = {
          type: 'earlyStop',
          epoch: e.epoch,
          step: e.step,
          monitor: monitor.name(e),
          best,
          bestEpoch,
          restored,
        };
        return [e, stop];
      };

      const onEvent = (e: TrainEvent): TrainEvent[] => {
        if (e.type === 'epoch') return onEpoch(e);
        if (e.type === 'checkpoint') {
          const weights = bestWeights && plainWeights(bestWeights);
          return [kept.save(e, { best, bestEpoch, wait, bestWeights: weights })];
        }
        const saved = e.type === 'start' ? kept.saved(e) : undefined;
        if (e.type === 'start') lastEpoch = e.epoch;
        if (saved) {
          ({ best, bestEpoch, wait } = saved);
          bestWeights = restoreBest && saved.bestWeights ? typedWeights(saved.bestWeights) : null;
        }
        return [e];
      };

      const atEnd = defer(() => {
        if (bestWeights && bestEpoch !== lastEpoch) loadWeights(model!, bestWeights, WHERE);
        bestWeights = null;
        return EMPTY;
      });

      return source.pipe(
        mergeMap(onEvent),
        concatWith(atEnd),
        takeWhile((e) => e !== stop, true),
      );
    });
}
