import type { DType, RandomState } from '../core/index.js';
import type { OptimizerState } from '../optim/index.js';

/**
 * The trainer's checkpoint snapshot as `encodeSnapshot`/`decodeSnapshot` persist it: the same
 * plain-data shape as `Snapshot` in lib/train (which this layer may not import; a spec checks
 * that the two stay assignable to each other both ways).
 */
export interface SnapshotData {
  readonly format: 'rxgrad.snapshot';
  readonly version: 1;
  readonly epoch: number;
  readonly step: number;
  readonly weights: Readonly<
    Record<
      string,
      {
        readonly shape: readonly number[];
        readonly dtype: DType;
        readonly data: Float32Array | Float64Array;
      }
    >
  >;
  readonly optimizer: OptimizerState;
  readonly rng: {
    readonly data: RandomState | null;
    readonly modules: Readonly<Record<string, RandomState>>;
  };
  readonly position: {
    readonly batch: number;
    readonly lossSum: number;
    readonly samples: number;
    readonly seed: number;
    readonly batchSize: number;
    readonly stepsPerEpoch: number;
    readonly trainSamples: number;
  } | null;
}
