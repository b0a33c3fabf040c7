import { defer, finalize, map, NEVER, type Observable, type SchedulerLike, tap } from 'rxjs';
import type { DataLike, Dataset } from '../data/Dataset.js';
import type { Module } from '../nn/Module.js';
import type { Optimizer } from '../optim/Optimizer.js';
import { checkFitOptions } from './checkFitOptions.js';
import { claimModel } from './claimModel.js';
import { type ControlCommand, checkCommand } from './control.js';
import type { TrainEvent } from './events.js';
import { fitLoop } from './fitLoop.js';
import type { LossFn, LossName } from './resolveLoss.js';
import type { MetricsOption } from './resolveMetrics.js';
import { scheduleInSlices } from './scheduleInSlices.js';
import type { Snapshot } from './snapshot.js';

/** Options of `fit`. */
export interface FitOptions {
  /** The loss: a function (pred, target) => scalar Tensor, or a name (`'mse'`, `'crossEntropy'`, ...). Required. */
  loss: LossName | LossFn;
  /** The optimiser, over the model's parameters. Required. */
  optimizer: Optimizer;
  /** Total number of epochs (passes over the training data). Default 1. */
  epochs?: number;
  /** Samples per optimiser step. Default 32. */
  batchSize?: number;
  /** A new seeded order of the samples every epoch. Default true. */
  shuffle?: boolean;
  /** Leave out the last, smaller batch of each epoch. Default false. */
  dropLast?: boolean;
  /** Seed of the data order and of the validation split. Default 0 (runs are always reproducible). */
  seed?: number;
  /** A validation set, or the fraction of `data` to hold out as one (a seeded split). */
  validation?: Dataset | number;
  /** Metrics reported at the end of each epoch, on the training and validation sets. */
  metrics?: MetricsOption;
  /** Which steps emit a `step` event: `'epoch'` (none, the default), `'step'` (all), or every n-th. */
  emit?: 'epoch' | 'step' | number;
  /** The scheduler the work is sliced on. Default `asyncScheduler` (one macrotask per slice). */
  scheduler?: SchedulerLike;
  /** Time budget of a slice in ms on the scheduler's clock: a slice runs whole steps until it is spent. Default 10; 0 runs one step per slice. */
  sliceMs?: number;
  /** Commands for the run: pause, resume, stop, setLearningRate, checkpoint (see `ControlCommand`). */
  control$?: Observable<ControlCommand>;
  /** A snapshot from a `checkpoint` event to continue from (same model, data and options). */
  resumeFrom?: Snapshot;
}

/**
 * Trains `model` on `data` and returns the run as a **cold** Observable of plain-data events:
 * nothing happens until you subscribe, and each subscription is a run of its own (two
 * subscribers, two runs, on the same model and optimiser: at the same time that is an error).
 * To show one run in several places, share it: `const run$ = fit(...).pipe(share())`.
 *
 * Events: one `start`, then `step` events if `emit` asks for them, one `epoch` event per epoch
 * (loss, metrics, validation loss and metrics, learning rate, duration), the answers to
 * `control$` commands (`control` and `checkpoint` events); then `complete` after the last
 * epoch. Every failure is an `error` notification with a typed error, bad options and
 * snapshots included (`ArgumentError`, on subscription); a batch the model or the loss cannot
 * take is a `ShapeError` naming the step.
 *
 * Divergence: no event carries a NaN or ±Infinity loss, validation loss or metric. The first
 * one ends the run with a `NonFiniteError` that names the step, the epoch and, where it can,
 * the op that produced it (its `step`, `epoch` and `op` properties, see `NonFiniteDetails`),
 * whichever of the step's loss, its update, the metrics or the validation saw it first. The
 * model keeps the weights of the last completed step (a step whose update made a weight
 * non-finite is undone; the optimiser's own state, such as Adam's moments, is not).
 *
 * The work is cut into slices on `scheduler`: each slice runs whole steps until `sliceMs` is
 * spent, so a page or a server stays responsive. Unsubscribing stops the run at the next step
 * boundary: nothing is emitted after, nothing stays scheduled. The model is trained in place.
 * A subscriber that throws does not affect the run (RxJS reports the error separately).
 *
 * Operators that act on the run receive what they act on: `earlyStopping` the model (for
 * `restoreBest`), `reduceLROnPlateau` the optimiser, `checkpoint` this run's `control$`.
 *
 * @example
 * fit(model, train, { loss: 'mse', optimizer: sgd(model.parameters(), { lr: 0.1 }), epochs: 50, validation: 0.2 })
 *   .pipe(earlyStopping({ monitor: 'valLoss', patience: 5, restoreBest: true, model }))
 *   .subscribe((e) => e.type === 'epoch' && console.log(e.epoch, e.loss, e.valLoss));
 */
export function fit(model: Module, data: DataLike, options: FitOptions): Observable<TrainEvent> {
  return defer(() => {
    const config = checkFitOptions(model, data, options);
    const release = claimModel(model, 'fit');
    const { control$ = NEVER, scheduler, sliceMs } = config;
    const commands$ = control$.pipe(map((c) => checkCommand(c, 'fit')));
    return scheduleInSlices(fitLoop(model, config), commands$, scheduler, sliceMs).pipe(
      tap({ complete: release, error: release }), // before the notification: the model is free
      finalize(release),
    );
  });
}
