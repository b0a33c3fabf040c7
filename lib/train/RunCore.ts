import { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  formatShape,
  NonFiniteError,
  type RandomState,
  RxgradError,
  ShapeError,
} from '../core/index.js';
import type { Module } from '../nn/Module.js';
import type { Optimizer } from '../optim/Optimizer.js';
import { findNonFinite, firstNonFiniteIndex } from './findNonFinite.js';
import type { LossFn } from './resolveLoss.js';
import {
  copyWeights,
  loadWeights,
  moduleRngStates,
  type Snapshot,
  type SnapshotPosition,
  type SnapshotWeights,
} from './snapshot.js';
import type { TrainRun } from './TrainRun.js';

/** Details a trainer's `NonFiniteError` carries besides its message (plain data). */
export interface NonFiniteDetails {
  /** The step (1-based, over the run) whose loss or update was non-finite. */
  readonly step: number;
  /** Its epoch (1-based; 0 for `trainOn`). */
  readonly epoch: number;
  /** The first op whose output was non-finite, when one could be found. */
  readonly op: string | null;
}

const training = new WeakSet<Module>();

/**
 * The state and the training step shared by `fit` and `trainOn` runs, and their `TrainRun`
 * handle. A subclass adds the pacing (`fit`'s scheduler slices) through `wake` and `position`.
 */
export class RunCore implements TrainRun {
  epoch = 0;
  step = 0;
  protected ended = false;
  protected pausedByUser = false;
  protected holds = 0;
  protected stopRequested = false;
  private readonly names: Map<Tensor, string>;
  private claimed = false;

  constructor(
    readonly model: Module,
    readonly optimizer: Optimizer,
    protected readonly lossFn: LossFn,
    protected readonly where: string,
  ) {
    this.names = new Map(model.namedParameters().map(([n, t]) => [t, n]));
  }

  get closed(): boolean {
    return this.ended;
  }

  get paused(): boolean {
    return this.pausedByUser || this.holds > 0;
  }

  get learningRate(): number {
    return this.optimizer.lr;
  }

  setLearningRate(lr: number): void {
    if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
      throw new ArgumentError(
        `${this.where}: the learning rate must be a non-negative finite number, got ${lr}`,
      );
    }
    this.optimizer.lr = lr;
  }

  pause(): void {
    this.pausedByUser = true;
  }

  resume(): void {
    if (!this.pausedByUser) return;
    this.pausedByUser = false;
    this.wake();
  }

  stop(): void {
    this.stopRequested = true;
    this.wake();
  }

  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.wake();
    };
  }

  /** Called when the run may continue (resumed, released, stopped); the subclass reschedules. */
  protected wake(): void {}

  weights(): SnapshotWeights {
    return copyWeights(this.model);
  }

  loadWeights(weights: SnapshotWeights): void {
    loadWeights(this.model, weights, this.where);
  }

  snapshot(): Snapshot {
    return {
      format: 'rxgrad.snapshot',
      version: 1,
      epoch: this.epoch,
      step: this.step,
      weights: this.weights(),
      optimizer: this.optimizer.state(),
      rng: { data: this.dataRngState(), modules: moduleRngStates(this.model) },
      position: this.position(),
    };
  }

  /** The data-order generator's state at the start of the current epoch (none here). */
  protected dataRngState(): RandomState | null {
    return null;
  }

  /** The position inside the epoch (none here: `trainOn` has no epochs). */
  protected position(): SnapshotPosition | null {
    return null;
  }

  /** Marks the model as being trained; an `ArgumentError` if another run is training it. */
  protected claimModel(): void {
    if (training.has(this.model)) {
      throw new ArgumentError(
        `${this.where}: this model is already being trained by another subscription; each subscription is a run of its own: share() one run between several subscribers, or wait for the first run to end`,
      );
    }
    training.add(this.model);
    this.claimed = true;
  }

  /** Ends the run's claim on the model (idempotent). */
  protected releaseModel(): void {
    if (this.claimed) training.delete(this.model);
    this.claimed = false;
  }

  /**
   * One optimiser step on the batch (x, y): forward, loss, backward, update; returns the loss.
   * A non-finite loss (before the update) or parameter (after it) is a `NonFiniteError` that
   * names the step, the epoch and, for the loss, the first op that produced NaN/±Infinity; any
   * other rxgrad error is re-thrown with the step in its message.
   */
  trainStep(x: Tensor, y: Tensor, epoch: number): number {
    const { model, optimizer } = this;
    const step = this.step + 1;
    let value: number;
    try {
      model.zeroGrad();
      optimizer.zeroGrad();
      const loss = this.lossFn(model.forward(x), y);
      if (!(loss instanceof Tensor) || loss.size !== 1) {
        throw new ShapeError(
          `the loss must be a scalar tensor (one element), got ${loss instanceof Tensor ? `shape ${formatShape(loss.shape)}` : typeof loss}`,
        );
      }
      value = loss.item();
      if (!Number.isFinite(value)) {
        const origin = findNonFinite(loss, this.names);
        throw this.nonFinite(
          `the loss is ${value} at ${this.at(step, epoch)}${origin ? `; the first non-finite value came from ${origin.description}` : ''}; lower the learning rate or check the data`,
          step,
          epoch,
          origin?.op ?? null,
        );
      }
      loss.backward();
      optimizer.step();
    } catch (error) {
      throw this.located(error, step, epoch);
    }
    for (const [p, name] of this.names) {
      const i = firstNonFiniteIndex(p);
      if (i >= 0) {
        throw this.nonFinite(
          `parameter '${name}' became ${p.data[i]} (flat index ${i}) in the update of ${this.at(step, epoch)}; lower the learning rate`,
          step,
          epoch,
          null,
        );
      }
    }
    model.zeroGrad();
    optimizer.zeroGrad();
    this.step = step;
    return value;
  }

  private at(step: number, epoch: number): string {
    return epoch > 0 ? `step ${step} (epoch ${epoch})` : `step ${step}`;
  }

  private nonFinite(message: string, step: number, epoch: number, op: string | null) {
    const error = new NonFiniteError(`${this.where}: ${message}`);
    const details: NonFiniteDetails = { step, epoch, op };
    return Object.assign(error, details);
  }

  /** `error` with the step in its message (rxgrad errors only; others pass unchanged). */
  private located(error: unknown, step: number, epoch: number): unknown {
    if (!(error instanceof RxgradError) || error instanceof NonFiniteError) return error;
    const Ctor = error.constructor as new (message: string, options?: ErrorOptions) => Error;
    return new Ctor(`${this.where}: at ${this.at(step, epoch)}: ${error.message}`, {
      cause: error,
    });
  }
}
