import {
  concat,
  concatMap,
  defer,
  EMPTY,
  finalize,
  from,
  ignoreElements,
  type MonoTypeOperatorFunction,
  type Observable,
  type Observer,
  of,
} from 'rxjs';
import { ArgumentError, excerpt } from '../core/index.js';
import type { ControlCommand } from './control.js';
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

/** Options of `checkpoint`. */
export interface CheckpointOptions {
  /**
   * The run's control channel: the Subject given to `fit`'s (or `trainOn`'s) `control$`.
   * Required: `checkpoint` asks the run for each snapshot through it.
   */
  control$: Pick<Observer<ControlCommand>, 'next'>;
  /** A snapshot every `every` units. Default 1. */
  every?: number;
  /** The unit of `every`: epochs (epoch events, the default) or steps (step events: use `fit`'s `emit`). */
  unit?: 'epoch' | 'step';
  /** Only when the monitored quantity improves on the best so far (epochs only). Default false. */
  onlyBest?: boolean;
  /** With `onlyBest`: what to watch, as in `earlyStopping`. */
  monitor?: Monitor;
  /** With `onlyBest`: whether smaller or larger is better. Default `'max'` for accuracy-like metrics, else `'min'`. */
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
 * position in the epoch, and the state of operators such as `earlyStopping`: everything `fit`'s
 * `resumeFrom` needs to continue bit for bit). After each `every`-th epoch (or step) event it
 * sends a `checkpoint` command on `control$`; the run answers at that step boundary with a
 * `checkpoint` event, which `checkpoint` hands to `sink` before passing it on. Operators
 * between `fit` and `checkpoint` add their state to the snapshot on its way, so place
 * `checkpoint` after them, with no asynchronous operator (`delay`, `observeOn`) in between: a
 * run that moves on without answering is an `ArgumentError`.
 *
 * @example
 * const control$ = new Subject<ControlCommand>();
 * let last: Snapshot | undefined;
 * fit(model, data, { ...options, control$ }).pipe(checkpoint({ control$, every: 5, sink: (s) => { last = s; } }))
 * // later: fit(model, data, { ...options, resumeFrom: last })
 */
export function checkpoint(options: CheckpointOptions): MonoTypeOperatorFunction<TrainEvent> {
  return (source) =>
    defer(() => {
      const { control$, sink } = options ?? {};
      if (typeof control$?.next !== 'function') {
        throw new ArgumentError(
          `${WHERE}: control$ must be the Subject given to fit's control$ (checkpoint asks the run for snapshots through it), got ${typeof control$}`,
        );
      }
      const every = nonNegative(options.every ?? 1, 'every', WHERE, true);
      if (every === 0) throw new ArgumentError(`${WHERE}: every must be at least 1`);
      const unit = options.unit ?? 'epoch';
      if (unit !== 'epoch' && unit !== 'step') {
        throw new ArgumentError(`${WHERE}: unit must be 'epoch' or 'step', got ${excerpt(unit)}`);
      }
      const onlyBest = options.onlyBest ?? false;
      if (onlyBest && unit !== 'epoch') {
        throw new ArgumentError(`${WHERE}: onlyBest compares epochs; it needs unit 'epoch'`);
      }
      if (sink !== undefined && typeof sink !== 'function') {
        throw new ArgumentError(`${WHERE}: sink must be a function (snapshot) => void | Promise`);
      }
      const monitor = resolveMonitor(options.monitor, options.mode, WHERE);
      let best = Number.NaN;
      /** The snapshot asked for and not received yet: the step it is for, the monitored value. */
      let asked: { readonly step: number; readonly value?: number } | null = null;

      /** Whether `e` is due for a snapshot; with `onlyBest`, the value it improves to. */
      const due = (e: TrainEvent): { value?: number } | null => {
        if (e.type !== unit || (e.type === 'epoch' ? e.epoch : e.step) % every !== 0) return null;
        if (!onlyBest || e.type !== 'epoch') return {};
        const mode = monitor.mode(e);
        const value = monitor.read(e);
        if (Number.isNaN(best)) best = worst(mode);
        if (!improves(value, best, mode, 0)) return null;
        best = value;
        return { value };
      };

      const write = (e: CheckpointEvent): Observable<TrainEvent> => {
        if (asked && e.step !== asked.step) {
          throw new ArgumentError(
            `${WHERE}: asked for a snapshot at step ${asked.step}, got one of step ${e.step}: the run moved on in between; place checkpoint after fit with no asynchronous operator (delay, observeOn, ...) between them`,
          );
        }
        const event = asked?.value === undefined ? e : { ...e, value: asked.value };
        asked = null;
        const written = sink?.(event.snapshot);
        if (!isPromiseLike(written)) return of(event);
        control$.next({ type: 'hold' });
        return concat(from(written).pipe(ignoreElements()), of(event)).pipe(
          finalize(() => control$.next({ type: 'release' })),
        );
      };

      const take = (e: TrainEvent): Observable<TrainEvent> => {
        if (e.type === 'checkpoint') return write(e);
        if (asked && (e.type === 'step' || e.type === 'epoch')) {
          throw new ArgumentError(
            `${WHERE}: the snapshot asked for at step ${asked.step} did not come before the next event: pass the same control$ to fit (or trainOn) and to checkpoint, with no asynchronous operator (delay, observeOn, ...) between them`,
          );
        }
        const wanted = due(e);
        if (!wanted) return of(e);
        const ask = defer(() => {
          asked = { step: e.step, ...wanted };
          control$.next({ type: 'checkpoint' });
          return EMPTY;
        });
        return concat(of(e), ask);
      };

      return source.pipe(concatMap(take));
    });
}
