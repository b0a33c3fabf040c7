import {
  concat,
  concatMap,
  defer,
  finalize,
  from,
  ignoreElements,
  type MonoTypeOperatorFunction,
  type Observable,
  of,
} from 'rxjs';
import { ArgumentError } from '../core/index.js';
import type { CheckpointEvent, TrainEvent } from './events.js';
import {
  improves,
  type Monitor,
  type MonitorMode,
  nonNegative,
  resolveMonitor,
  worst,
} from './monitor.js';
import type { Snapshot } from './snapshot.js';
import { linkRun, runAt } from './TrainRun.js';

/** Options of `checkpoint`. */
export interface CheckpointOptions {
  /** A snapshot every `every` units. Default 1. */
  every?: number;
  /** The unit of `every`: epochs (epoch events, the default) or steps (step events: use `fit`'s `emit`). */
  unit?: 'epoch' | 'step';
  /** Only when the monitored quantity improves on the best so far (epochs only). Default false. */
  onlyBest?: boolean;
  /** With `onlyBest`: what to watch, as in `earlyStopping`. */
  monitor?: Monitor;
  mode?: MonitorMode;
  /**
   * Receives each snapshot (plain data) to persist it. If it returns a promise, the run is held
   * at that step boundary until it settles, and a rejection errors the stream.
   */
  sink?: (snapshot: Snapshot) => unknown;
}

const WHERE = 'checkpoint';

function isPromiseLike(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Takes snapshots of the run (weights, optimiser state, random generators' states, epoch, step,
 * position in the epoch: everything `fit`'s `resumeFrom` needs to continue bit for bit), hands
 * each to `sink`, and emits it as a `checkpoint` event after the event that triggered it. It
 * reads the run through its handle (`TrainRun`): place it directly after `fit`.
 *
 * @example
 * let last: Snapshot | undefined;
 * fit(model, data, options).pipe(checkpoint({ every: 5, sink: (s) => { last = s; } }))
 * // later: fit(model, data, { ...options, resumeFrom: last })
 */
export function checkpoint(options: CheckpointOptions = {}): MonoTypeOperatorFunction<TrainEvent> {
  const every = nonNegative(options.every ?? 1, 'every', WHERE, true);
  if (every === 0) throw new ArgumentError(`${WHERE}: every must be at least 1`);
  const unit = options.unit ?? 'epoch';
  if (unit !== 'epoch' && unit !== 'step') {
    throw new ArgumentError(
      `${WHERE}: unit must be 'epoch' or 'step', got ${JSON.stringify(unit)}`,
    );
  }
  const onlyBest = options.onlyBest ?? false;
  if (onlyBest && unit !== 'epoch') {
    throw new ArgumentError(`${WHERE}: onlyBest compares epochs; it needs unit 'epoch'`);
  }
  const { sink } = options;
  if (sink !== undefined && typeof sink !== 'function') {
    throw new ArgumentError(`${WHERE}: sink must be a function (snapshot) => void | Promise`);
  }
  const monitor = resolveMonitor(options.monitor, options.mode, WHERE);
  return (source) =>
    defer(() => {
      let best = Number.NaN;

      const take = (e: TrainEvent): Observable<TrainEvent> => {
        if (e.type !== unit) return of(e);
        const count = e.type === 'epoch' ? e.epoch : e.step;
        if (count % every !== 0) return of(e);
        let value: number | undefined;
        if (onlyBest && e.type === 'epoch') {
          const mode = monitor.mode(e);
          value = monitor.read(e);
          if (Number.isNaN(best)) best = worst(mode);
          if (!improves(value, best, mode, 0)) return of(e);
          best = value;
        }
        const run = runAt(e, WHERE);
        const snapshot = run.snapshot();
        const event: CheckpointEvent = {
          type: 'checkpoint',
          epoch: e.epoch,
          step: e.step,
          snapshot,
          ...(value === undefined ? {} : { value }),
        };
        linkRun(event, e);
        const written = sink?.(snapshot);
        if (!isPromiseLike(written)) return of(e, event);
        const release = run.hold();
        return concat(of(e), from(written).pipe(ignoreElements()), of(event)).pipe(
          finalize(release),
        );
      };

      return source.pipe(concatMap(take));
    });
}
