import type { Snapshot } from './snapshot.js';

/**
 * What every event of a run carries: where the run was when it happened.
 * `epoch` counts completed epochs (the first epoch event says 1) and `step` counts completed
 * optimiser steps, both over the whole run (a resumed run continues the counts).
 */
interface RunPosition {
  /** Completed epochs of the run when the event happened (0 before the first epoch ends). */
  readonly epoch: number;
  /** Completed optimiser steps of the run when the event happened. */
  readonly step: number;
  /** Index of the run, added by `restarts` (0-based). */
  readonly run?: number;
}

/** The first event of a `fit` run: its size and where it starts (epoch 0, or where `resumeFrom` left off). */
export interface StartEvent extends RunPosition {
  /** Discriminant: `'start'`. */
  readonly type: 'start';
  /** Total epochs of the run (`fit`'s `epochs`). */
  readonly epochs: number;
  /** Optimiser steps (mini-batches) per epoch. */
  readonly stepsPerEpoch: number;
  /** Training samples (after holding out the validation split). */
  readonly samples: number;
  /** Validation samples (0 without validation). */
  readonly valSamples: number;
  /**
   * When the run resumes from a snapshot that holds them: the saved state of operators such as
   * `earlyStopping` and `reduceLROnPlateau`, by operator name, for them to continue from.
   */
  readonly operators?: Readonly<Record<string, unknown>>;
}

/**
 * One optimiser step: its loss on its mini-batch. `fit` emits these only when asked (`emit`);
 * `trainOn` emits one per batch, with `epoch` 0 (online training has no epochs).
 */
export interface StepEvent extends RunPosition {
  /** Discriminant: `'step'`. */
  readonly type: 'step';
  /** The epoch this step belongs to, 1-based (0 for `trainOn`). */
  readonly epoch: number;
  /** The loss of this step's mini-batch, before the update. */
  readonly loss: number;
  /** Exponential moving average of the loss, added by `smoothLoss`. */
  readonly smoothLoss?: number;
}

/**
 * The end of an epoch. `loss` is the mean of the epoch's step losses weighted by batch size;
 * `metrics` are computed on the whole training set after the epoch (eval mode, no gradients);
 * `valLoss`/`valMetrics` are present only with `validation`. `elapsedMs` is the epoch's
 * duration on the run's scheduler clock (virtual time under a `TestScheduler`): the only field
 * that differs between two otherwise identical seeded runs in real time.
 */
export interface EpochEvent extends RunPosition {
  /** Discriminant: `'epoch'`. */
  readonly type: 'epoch';
  /** Mean of the epoch's step losses, weighted by batch size. */
  readonly loss: number;
  /** The `metrics` option's values on the training set after the epoch, by reported name (`{}` without metrics). */
  readonly metrics: Readonly<Record<string, number>>;
  /** The loss on the validation set after the epoch (only with `validation`). */
  readonly valLoss?: number;
  /** The metrics on the validation set after the epoch, by reported name (only with `validation`). */
  readonly valMetrics?: Readonly<Record<string, number>>;
  /** The learning rate the optimiser had at the end of the epoch. */
  readonly lr: number;
  /** The epoch's duration in milliseconds on the run's scheduler clock (virtual under a `TestScheduler`). */
  readonly elapsedMs: number;
  /** The epoch loss smoothed by `smoothLoss(alpha, { on: 'epoch' })`. */
  readonly smoothLoss?: number;
}

/** A `control$` command that was applied, at a step boundary. */
export interface ControlEvent extends RunPosition {
  /** Discriminant: `'control'`. */
  readonly type: 'control';
  /** The `type` of the command applied. */
  readonly command: 'pause' | 'resume' | 'stop' | 'setLearningRate';
  /** The learning rate after the command. */
  readonly lr: number;
}

/** `earlyStopping` ended the run: `monitor` did not improve for `patience` epochs. */
export interface EarlyStopEvent extends RunPosition {
  /** Discriminant: `'earlyStop'`. */
  readonly type: 'earlyStop';
  /** The monitored quantity's name: `'valLoss'`, `'metrics.accuracy'`, ... or the monitor function's name. */
  readonly monitor: string;
  /** The best value of the monitored quantity during the run. */
  readonly best: number;
  /** The epoch that reached `best`. */
  readonly bestEpoch: number;
  /** Whether the weights of `bestEpoch` were loaded back into the model (`restoreBest`). */
  readonly restored: boolean;
}

/** `reduceLROnPlateau` changed the learning rate. */
export interface LearningRateEvent extends RunPosition {
  /** Discriminant: `'learningRate'`. */
  readonly type: 'learningRate';
  /** The new learning rate, applied from the next step. */
  readonly lr: number;
  /** The learning rate before the reduction. */
  readonly previous: number;
  /** The monitored quantity's name: `'valLoss'`, `'metrics.accuracy'`, ... or the monitor function's name. */
  readonly monitor: string;
}

/**
 * A snapshot of the run at this step boundary: the answer to a `checkpoint` control command
 * (which the `checkpoint` operator sends; it hands the snapshot to its sink before passing
 * the event on). Operators with a state of their own add it to `snapshot.operators` as the
 * event passes them.
 */
export interface CheckpointEvent extends RunPosition {
  /** Discriminant: `'checkpoint'`. */
  readonly type: 'checkpoint';
  /** The run's state at this step boundary, what `fit`'s `resumeFrom` continues from. */
  readonly snapshot: Snapshot;
  /** The monitored value, added by `checkpoint` with `onlyBest`. */
  readonly value?: number;
}

/** The last event of `restarts`: a summary of one metric over the runs (not a `TrainEvent`: it belongs to no run). */
export interface SummaryEvent {
  /** Discriminant: `'summary'`. */
  readonly type: 'summary';
  /** The name of the summarised number: `restarts`' `name`, the monitored field, or `'score'`. */
  readonly metric: string;
  /** Number of trainings (`restarts`' `n`). */
  readonly runs: number;
  /** The seed of each training, in run order (`seed + i`). */
  readonly seeds: readonly number[];
  /** The summarised number of each training, in run order. */
  readonly values: readonly number[];
  /** Mean of `values`. */
  readonly mean: number;
  /** Population standard deviation (ddof 0, as numpy's `std`). */
  readonly std: number;
  /** Smallest of `values`. */
  readonly min: number;
  /** Largest of `values`. */
  readonly max: number;
}

/**
 * Everything a training run's stream can carry: plain, structured-clone-safe data (numbers,
 * strings, records, typed arrays in snapshots), a union discriminated by `type`, each with the
 * run's `epoch` and `step`. No event holds
 * a live tensor, model or optimiser: they can be logged, sent to a worker or stored as they are.
 */
export type TrainEvent =
  | StartEvent
  | StepEvent
  | EpochEvent
  | ControlEvent
  | EarlyStopEvent
  | LearningRateEvent
  | CheckpointEvent;

/** What `restarts` emits: the runs' events, tagged with `run`, then one `summary`. */
export type RestartsEvent = TrainEvent | SummaryEvent;
