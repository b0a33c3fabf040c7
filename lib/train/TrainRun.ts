import { ArgumentError } from '../core/index.js';
import type { Module } from '../nn/Module.js';
import type { Optimizer } from '../optim/Optimizer.js';
import type { TrainEvent } from './events.js';
import type { Snapshot, SnapshotWeights } from './snapshot.js';

/**
 * A handle on one live training run (one subscription to `fit`, or to `trainOn`), for the
 * operators that must act on the run rather than on its events: `earlyStopping` with
 * `restoreBest` (reads and loads weights), `reduceLROnPlateau` (sets the learning rate),
 * `checkpoint` (takes snapshots, holds the run while an asynchronous sink writes).
 *
 * How operators find it. Events stay plain data: the handle is not a property of any event.
 * Instead each run records, in a module-level `WeakMap`, which run emitted each event object;
 * `runOf(event)` looks it up. The rxgrad operators that rewrite events (`smoothLoss`,
 * `restarts`) carry the link over with `linkRun`, so the handle survives them; an event
 * rebuilt by other code (`map(e => ({ ...e }))`), or one that crossed a worker boundary, has no
 * handle, and operators that need one fail with an `ArgumentError` saying so.
 *
 * Why this is safe: a run emits each event synchronously at a step boundary and does not go on
 * until the subscriber returns, so an operator placed directly after `fit` sees the model in
 * exactly the state the event describes. `runAt(event, where)` checks that (the run's `step` is
 * the event's) and fails if an asynchronous operator (`delay`, `observeOn`, ...) sits between
 * them and the run has moved on.
 *
 * @example
 * // a custom operator: halve the learning rate after a given epoch
 * const halveAfter = (epoch: number) =>
 *   tap((e: TrainEvent) => {
 *     if (e.type !== 'epoch' || e.epoch !== epoch) return;
 *     const run = runAt(e, 'halveAfter');
 *     run.setLearningRate(run.learningRate / 2);
 *   });
 */
export interface TrainRun {
  readonly model: Module;
  readonly optimizer: Optimizer;
  /** Completed epochs (0 for `trainOn`). */
  readonly epoch: number;
  /** Completed optimiser steps in this run (a resumed run continues the count). */
  readonly step: number;
  /** True once the run has ended (completed, failed or unsubscribed). */
  readonly closed: boolean;
  /** True while paused by `pause()`/`control$` or held by `hold()`. */
  readonly paused: boolean;
  /** The optimiser's current learning rate. */
  readonly learningRate: number;
  /** Sets the learning rate from the next step on. */
  setLearningRate(lr: number): void;
  /** Pauses at the current step boundary (the model stays usable); `resume()` continues. */
  pause(): void;
  resume(): void;
  /** Ends the run at the current step boundary: the stream completes. */
  stop(): void;
  /**
   * Holds the run at the current step boundary until the returned release function is called
   * (holds nest, and are independent of `pause`/`resume`): for an operator that must finish
   * something asynchronous, such as writing a checkpoint, before the next step.
   */
  hold(): () => void;
  /** Copies of the model's weights by parameter name. */
  weights(): SnapshotWeights;
  /** Copies `weights` (as from `weights()`) into the model; strict about names and shapes. */
  loadWeights(weights: SnapshotWeights): void;
  /** Everything needed to resume the run exactly from here (see `fit`'s `resumeFrom`). */
  snapshot(): Snapshot;
}

const runs = new WeakMap<object, TrainRun>();

/** The run that emitted `event` (or the event it was derived from), if known. */
export function runOf(event: TrainEvent): TrainRun | undefined {
  return runs.get(event);
}

/**
 * Records that `event` belongs to `run` (or to the run of another event), and returns it:
 * how an operator that rewrites events keeps them attached to their run.
 *
 * @example
 * map((e) => linkRun({ ...e, note: 'x' }, e))
 */
export function linkRun<E extends TrainEvent>(event: E, run: TrainRun | TrainEvent | undefined): E {
  const handle = run === undefined ? undefined : 'type' in run ? runs.get(run) : run;
  if (handle) runs.set(event, handle);
  return event;
}

/**
 * The run of `event`, checked to be still at that event's step boundary; an `ArgumentError`
 * naming `where` otherwise (no run known, or an asynchronous operator let the run move on).
 */
export function runAt(event: TrainEvent, where: string): TrainRun {
  const run = runs.get(event);
  if (!run) {
    throw new ArgumentError(
      `${where}: this '${event.type}' event has no training run attached; place ${where} on a stream from fit or trainOn, before operators that rebuild events (map) or cross a worker boundary`,
    );
  }
  if ('step' in event && run.step !== event.step) {
    throw new ArgumentError(
      `${where}: the run has moved on from step ${event.step} to step ${run.step}; an asynchronous operator (delay, observeOn, throttleTime, ...) sits between fit and ${where}: place ${where} directly after fit`,
    );
  }
  return run;
}
