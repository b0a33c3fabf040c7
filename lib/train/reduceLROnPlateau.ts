import { defer, type MonoTypeOperatorFunction, mergeMap } from 'rxjs';
import { ArgumentError } from '../core/index.js';
import type { Optimizer } from '../optim/Optimizer.js';
import type { EpochEvent, LearningRateEvent, TrainEvent } from './events.js';
import {
  improves,
  type Monitor,
  type MonitorMode,
  nonNegative,
  resolveMonitor,
  worst,
} from './monitor.js';
import { operatorState } from './operatorState.js';

/** Options of `reduceLROnPlateau` (defaults as in Keras). */
export interface ReduceLROnPlateauOptions {
  /** What to watch in the epoch events. Default `'valLoss'` with validation, else `'loss'`. */
  monitor?: Monitor;
  /** Whether smaller or larger is better. Default `'max'` for accuracy-like metrics, else `'min'`. */
  mode?: MonitorMode;
  /** The learning rate is multiplied by `factor`, in (0, 1). Default 0.1. */
  factor?: number;
  /** Epochs without improvement before reducing. Default 10. */
  patience?: number;
  /** The smallest change that counts as an improvement. Default 1e-4. */
  minDelta?: number;
  /** Epochs after a reduction that are not counted (as PyTorch's cooldown). Default 0. */
  cooldown?: number;
  /** The learning rate never goes below this. Default 0. */
  minLr?: number;
  /** The optimiser whose learning rate it sets. Required. */
  optimizer: Pick<Optimizer, 'lr'>;
}

const WHERE = 'reduceLROnPlateau';

/** What `reduceLROnPlateau` keeps in snapshots. */
interface PlateauState {
  readonly best: number;
  readonly wait: number;
  readonly cooling: number;
}
const kept = operatorState<PlateauState>(WHERE, ['best', 'wait', 'cooling']);

/**
 * Multiplies the learning rate by `factor` when the monitored quantity has not improved for
 * `patience` epochs, then waits `cooldown` epochs; emits a `learningRate` event after the epoch
 * event that caused it. It sets `optimizer.lr`, so place it directly after `fit`, where the
 * change applies from the step right after the epoch. Its counters go into the snapshots of
 * checkpoint events passing it, so a resumed run reduces where the uninterrupted one would.
 *
 * lr ← max(lr·factor, minLr) after `patience` epochs with value ≥ best − minDelta (mode 'min')
 *
 * @example
 * fit(model, data, options).pipe(reduceLROnPlateau({ optimizer: options.optimizer, factor: 0.5, patience: 3 }))
 */
export function reduceLROnPlateau(
  options: ReduceLROnPlateauOptions,
): MonoTypeOperatorFunction<TrainEvent> {
  return (source) =>
    defer(() => {
      const { optimizer } = options ?? {};
      if (typeof optimizer?.lr !== 'number') {
        throw new ArgumentError(
          `${WHERE}: optimizer must be the Optimizer whose learning rate it sets, as reduceLROnPlateau({ optimizer }); got ${typeof optimizer}`,
        );
      }
      const monitor = resolveMonitor(options.monitor, options.mode, WHERE);
      const factor = options.factor ?? 0.1;
      if (typeof factor !== 'number' || !(factor > 0 && factor < 1)) {
        throw new ArgumentError(
          `${WHERE}: factor must be in (0, 1), got ${JSON.stringify(factor)}`,
        );
      }
      const patience = nonNegative(options.patience ?? 10, 'patience (epochs)', WHERE, true);
      const minDelta = nonNegative(options.minDelta ?? 1e-4, 'minDelta', WHERE);
      const cooldown = nonNegative(options.cooldown ?? 0, 'cooldown (epochs)', WHERE, true);
      const minLr = nonNegative(options.minLr ?? 0, 'minLr', WHERE);
      let best = Number.NaN;
      let wait = 0;
      let cooling = 0;

      const onEpoch = (e: EpochEvent): TrainEvent[] => {
        const mode = monitor.mode(e);
        const value = monitor.read(e);
        if (Number.isNaN(best)) best = worst(mode);
        const improved = improves(value, best, mode, minDelta);
        if (improved) {
          best = value;
          wait = 0;
        } else {
          wait++;
        }
        if (cooling > 0) {
          cooling--;
          wait = 0;
          return [e];
        }
        if (improved || wait < patience) return [e];
        wait = 0;
        const previous = optimizer.lr;
        if (!(previous > minLr)) return [e];
        const lr = Math.max(previous * factor, minLr);
        optimizer.lr = lr;
        cooling = cooldown;
        const event: LearningRateEvent = {
          type: 'learningRate',
          epoch: e.epoch,
          step: e.step,
          lr,
          previous,
          monitor: monitor.name(e),
        };
        return [e, event];
      };

      const onEvent = (e: TrainEvent): TrainEvent[] => {
        if (e.type === 'epoch') return onEpoch(e);
        if (e.type === 'checkpoint') return [kept.save(e, { best, wait, cooling })];
        const saved = e.type === 'start' ? kept.saved(e) : undefined;
        if (saved) ({ best, wait, cooling } = saved);
        return [e];
      };

      return source.pipe(mergeMap(onEvent));
    });
}
