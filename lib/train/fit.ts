import { asyncScheduler, Observable, type SchedulerLike } from 'rxjs';
import { ArgumentError } from '../core/index.js';
import { Dataset } from '../data/Dataset.js';
import { Module } from '../nn/Module.js';
import type { Optimizer } from '../optim/Optimizer.js';
import type { ControlCommand } from './control.js';
import { asDataset } from './evaluate.js';
import type { TrainEvent } from './events.js';
import { type FitConfig, FitRun } from './FitRun.js';
import { type LossFn, type LossName, resolveLoss } from './resolveLoss.js';
import { type MetricsOption, resolveMetrics } from './resolveMetrics.js';
import { checkSnapshot, type Snapshot } from './snapshot.js';

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
  /** Commands for the run: pause, resume, stop, setLearningRate (see `ControlCommand`). */
  control$?: Observable<ControlCommand>;
  /** A snapshot from `checkpoint` to continue from (same model, data and options). */
  resumeFrom?: Snapshot;
}

const KNOWN = new Set([
  'loss',
  'optimizer',
  'epochs',
  'batchSize',
  'shuffle',
  'dropLast',
  'seed',
  'validation',
  'metrics',
  'emit',
  'scheduler',
  'sliceMs',
  'control$',
  'resumeFrom',
]);

function positiveInteger(value: unknown, name: string, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || (v as number) <= 0) {
    throw new ArgumentError(
      `fit: ${name} must be a positive integer, got ${JSON.stringify(value)}`,
    );
  }
  return v as number;
}

function checkOptimizer(model: Module, optimizer: unknown): Optimizer {
  const o = optimizer as Optimizer | undefined;
  if (!o || typeof o.step !== 'function' || typeof o.state !== 'function' || !o.params) {
    throw new ArgumentError(
      `fit: optimizer must be an Optimizer such as sgd(model.parameters(), { lr }), got ${o === undefined ? 'nothing' : typeof o}`,
    );
  }
  const mine = new Set(model.parameters());
  if (!o.params.some((p) => mine.has(p))) {
    throw new ArgumentError(
      "fit: the optimizer updates none of the model's parameters; create it from model.parameters()",
    );
  }
  return o;
}

function checkEmit(emit: unknown): number {
  if (emit === undefined || emit === 'epoch') return 0;
  if (emit === 'step') return 1;
  if (Number.isInteger(emit) && (emit as number) > 0) return emit as number;
  throw new ArgumentError(
    `fit: emit must be 'epoch', 'step' or a positive integer (a step event every n steps), got ${JSON.stringify(emit)}`,
  );
}

function checkConfig(options: FitOptions): FitConfig {
  if (options === null || typeof options !== 'object') {
    throw new ArgumentError('fit: options { loss, optimizer, ... } are required');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) {
      throw new ArgumentError(
        `fit: unknown option '${key}'; known options are ${[...KNOWN].join(', ')}`,
      );
    }
  }
  const { validation, scheduler, control$, seed = 0, sliceMs = 10 } = options;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new ArgumentError(`fit: seed must be a finite number, got ${JSON.stringify(seed)}`);
  }
  if (typeof sliceMs !== 'number' || !(sliceMs >= 0)) {
    throw new ArgumentError(`fit: sliceMs must be a number ≥ 0, got ${JSON.stringify(sliceMs)}`);
  }
  if (
    validation !== undefined &&
    !(validation instanceof Dataset) &&
    !(typeof validation === 'number' && validation > 0 && validation < 1)
  ) {
    throw new ArgumentError(
      `fit: validation must be a Dataset or a fraction in (0, 1), got ${JSON.stringify(validation)}`,
    );
  }
  if (scheduler !== undefined && typeof scheduler?.schedule !== 'function') {
    throw new ArgumentError('fit: scheduler must be an RxJS SchedulerLike (asyncScheduler, ...)');
  }
  if (control$ !== undefined && typeof control$?.subscribe !== 'function') {
    throw new ArgumentError('fit: control$ must be an Observable of control commands');
  }
  for (const key of ['shuffle', 'dropLast'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') {
      throw new ArgumentError(`fit: ${key} must be a boolean, got ${JSON.stringify(options[key])}`);
    }
  }
  return {
    lossFn: resolveLoss(options.loss, 'fit'),
    epochs: positiveInteger(options.epochs, 'epochs', 1),
    batchSize: positiveInteger(options.batchSize, 'batchSize', 32),
    shuffle: options.shuffle ?? true,
    dropLast: options.dropLast ?? false,
    seed,
    validation,
    metrics: resolveMetrics(options.metrics, 'fit'),
    emitEvery: checkEmit(options.emit),
    scheduler: scheduler ?? asyncScheduler,
    sliceMs,
    control$,
    resumeFrom:
      options.resumeFrom === undefined ? undefined : checkSnapshot(options.resumeFrom, 'fit'),
  };
}

/**
 * Trains `model` on `data` and returns the run as a **cold** Observable of plain-data events:
 * nothing happens until you subscribe, and each subscription is a run of its own (two
 * subscribers, two runs, on the same model and optimiser: at the same time that is an error).
 * To show one run in several places, share it: `const run$ = fit(...).pipe(share())`.
 *
 * Events: one `start`, then `step` events if `emit` asks for them, one `epoch` event per epoch
 * (loss, metrics, validation loss and metrics, learning rate, duration), `control` events
 * acknowledging `control$` commands; then `complete` after the last epoch. A failure is an
 * `error` notification with a typed error: `NonFiniteError` (a NaN/±Infinity loss or weight,
 * naming the step, and the first op of the loss's graph that produced it), `ShapeError` (a
 * batch the model or the loss cannot take), `ArgumentError` (a bad option or snapshot).
 *
 * The work is cut into slices on `scheduler`: each slice runs whole steps until `sliceMs` is
 * spent, so a page or a server stays responsive. Unsubscribing stops the run at the next step
 * boundary: nothing is emitted after, nothing stays scheduled. The model is trained in place
 * and keeps the weights of the last completed step. A subscriber that throws does not affect
 * the run (RxJS reports the error separately).
 *
 * Operators that act on the run (`earlyStopping`, `reduceLROnPlateau`, `checkpoint`) reach it
 * through `runOf(event)`: see `TrainRun`.
 *
 * @example
 * fit(model, train, { loss: 'mse', optimizer: sgd(model.parameters(), { lr: 0.1 }), epochs: 50, validation: 0.2 })
 *   .pipe(earlyStopping({ monitor: 'valLoss', patience: 5, restoreBest: true }))
 *   .subscribe((e) => e.type === 'epoch' && console.log(e.epoch, e.loss, e.valLoss));
 */
export function fit(model: Module, data: Dataset, options: FitOptions): Observable<TrainEvent> {
  if (!(model instanceof Module)) {
    throw new ArgumentError(`fit: model must be a Module, got ${typeof model}`);
  }
  const ds = asDataset(data, 'fit');
  const config = checkConfig(options);
  const optimizer = checkOptimizer(model, options.optimizer);
  return new Observable<TrainEvent>((subscriber) => {
    const run = new FitRun(model, optimizer, ds, config, subscriber);
    run.start();
    return () => run.teardown();
  });
}
