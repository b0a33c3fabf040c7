import type { Tensor } from '../autograd/index.js';

/** A learning-rate schedule: the learning rate to use at optimiser step `step` (0-based). */
export type Schedule = (step: number) => number;

/** Plain-data state of an optimiser (step count, learning rate, per-parameter buffers as number arrays). */
export interface OptimizerState {
  /** The optimiser's name (`'sgd'`, `'adam'`, `'adamw'`, `'rmsprop'`), checked on restore. */
  readonly name: string;
  /** Steps taken so far. */
  readonly step: number;
  /** The learning rate the next step would use. */
  readonly lr: number;
  /** With a schedule: the factor applied to it (after `lr` was set during training). */
  readonly lrScale?: number;
  /** Buffers by name (`expAvg`, `momentum`, ...): one array per parameter, empty before its first update. */
  readonly buffers: Record<string, number[][]>;
}

/** What every optimiser offers; the trainer relies only on this. */
export interface Optimizer {
  /** The tensors it updates. */
  readonly params: readonly Tensor[];
  /** Current base learning rate; settable (reduceLROnPlateau, control$ setLearningRate). */
  lr: number;
  /** Number of `step()` calls so far. */
  readonly stepCount: number;
  /** Applies one update from each parameter's `.grad` (parameters without grad are skipped). */
  step(): void;
  /** Clears every parameter's `.grad`. */
  zeroGrad(): void;
  /** Plain-data state for exact resume. */
  state(): OptimizerState;
  /** Restores `state()`; an error naming what does not match leaves the optimiser unchanged. */
  loadState(state: OptimizerState): void;
}
