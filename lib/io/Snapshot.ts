import type { DType, RandomState } from '../core/index.js';
import type { OptimizerState } from '../optim/index.js';

/** One parameter as plain data: its shape, dtype and a copy of its values. */
export interface SnapshotTensor {
  /** The parameter's shape. */
  readonly shape: readonly number[];
  /** The parameter's dtype. */
  readonly dtype: DType;
  /** A copy of its values, row-major. */
  readonly data: Float32Array | Float64Array;
}

/** A model's weights as plain data, by dotted parameter name (`layers.0.weight`). */
export type SnapshotWeights = Readonly<Record<string, SnapshotTensor>>;

/** Where a `fit` run stood inside its epoch, and the settings the position depends on. */
export interface SnapshotPosition {
  /** Mini-batches already done in the current (unfinished) epoch; 0 at an epoch boundary. */
  readonly batch: number;
  /** Sum of loss·batchSize over the current epoch's steps so far (for the epoch's mean loss). */
  readonly lossSum: number;
  /** Samples seen so far in the current epoch (the divisor of `lossSum`). */
  readonly samples: number;
  /**
   * The run's `seed`. This and the next three are the settings of the run, checked on resume:
   * resuming with others would not continue it.
   */
  readonly seed: number;
  /** The run's `batchSize`. */
  readonly batchSize: number;
  /** Optimiser steps per epoch. */
  readonly stepsPerEpoch: number;
  /** Training samples (after the validation split). */
  readonly trainSamples: number;
}

/**
 * Everything needed to continue a run exactly: the weights, the optimiser's state, the state of
 * every random generator (the data order's, as it was at the start of the current epoch, and
 * those of modules such as `Dropout`), the epoch and step counts and the position inside the
 * epoch. Plain structured-clone-safe data: a sink can persist it as it is.
 */
export interface Snapshot {
  /** Marks the object as a snapshot: `'rxgrad.snapshot'`. */
  readonly format: 'rxgrad.snapshot';
  /** Version of the snapshot layout: 1. */
  readonly version: 1;
  /** Completed epochs. */
  readonly epoch: number;
  /** Completed optimiser steps. */
  readonly step: number;
  /** The model's parameters, by dotted name. */
  readonly weights: SnapshotWeights;
  /** The optimiser's state: step count, learning rate, buffers. */
  readonly optimizer: OptimizerState;
  /** The states of the run's random generators. */
  readonly rng: {
    /** The data-order generator at the start of the current epoch (null without one). */
    readonly data: RandomState | null;
    /** Generators found in the model's fields (`layers.2.rng` of a `Dropout`), by dotted name. */
    readonly modules: Readonly<Record<string, RandomState>>;
  };
  /** Position inside the epoch (null for a `trainOn` run, which has no epochs). */
  readonly position: SnapshotPosition | null;
  /**
   * The state of the operators that keep one (`earlyStopping`, `reduceLROnPlateau`), by
   * operator name: plain data whose numbers all survive `encodeSnapshot`. A run resumed from
   * the snapshot hands it back to them in its start event.
   */
  readonly operators?: Readonly<Record<string, unknown>>;
}
