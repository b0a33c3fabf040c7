import { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  formatShape,
  NonFiniteError,
  type RandomState,
  RxgradError,
  ShapeError,
  type TypedArray,
} from '../core/index.js';
import type { Module } from '../nn/Module.js';
import type { Optimizer } from '../optim/Optimizer.js';
import { findNonFinite, firstNonFiniteIndex } from './findNonFinite.js';
import type { LossFn } from './resolveLoss.js';
import {
  copyWeights,
  loadModuleRngStates,
  loadWeights,
  moduleRngStates,
  type Snapshot,
  type SnapshotPosition,
} from './snapshot.js';

/** Where a step happens: the step (1-based, over the run) and its epoch (1-based; 0 online). */
export interface StepAt {
  readonly step: number;
  readonly epoch: number;
}

/** Details a trainer's `NonFiniteError` carries besides its message (plain data). */
export interface NonFiniteDetails extends StepAt {
  /** The first op whose output was non-finite, when one could be found. */
  readonly op: string | null;
}

/** `step 3 (epoch 1)`, or `step 3` online. */
export const describeStep = ({ step, epoch }: StepAt): string =>
  epoch > 0 ? `step ${step} (epoch ${epoch})` : `step ${step}`;

/** True when every value of `d` is finite (NaN and ±Infinity times 0 are NaN). */
function allFinite(d: TypedArray): boolean {
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i] * 0;
  return s === 0;
}

/**
 * The trainer's engine, with no notion of time or streams: one optimiser step on one batch,
 * the learning rate, and the model's and optimiser's state for snapshots. A step that would
 * leave a non-finite loss or weight is undone: the model keeps the weights of the last
 * completed step, and the step fails with a `NonFiniteError` naming it (and, for the loss, the
 * first op of its graph that produced NaN or ±Infinity).
 */
export class StepEngine {
  /** Each parameter's name in the model (or its place in the optimiser), for messages. */
  private readonly names: Map<Tensor, string>;
  /** The optimiser's parameters before the update in progress, to undo a non-finite one. */
  private readonly before: TypedArray[];

  constructor(
    readonly model: Module,
    readonly optimizer: Optimizer,
    readonly lossFn: LossFn,
    readonly where: string,
  ) {
    this.names = new Map(model.namedParameters().map(([n, t]) => [t, n]));
    for (const [i, p] of optimizer.params.entries()) {
      if (!this.names.has(p)) this.names.set(p, `optimizer.${i}`);
    }
    this.before = optimizer.params.map((p) => p.data.slice());
  }

  /** The optimiser's learning rate; setting it checks it. */
  get lr(): number {
    return this.optimizer.lr;
  }

  set lr(lr: number) {
    if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
      throw new ArgumentError(
        `${this.where}: the learning rate must be a non-negative finite number, got ${lr}`,
      );
    }
    this.optimizer.lr = lr;
  }

  /**
   * One optimiser step on the batch (x, y), at `at`: forward, loss, backward, update; returns
   * the loss (before the update). Any other rxgrad error is re-thrown with the step in its
   * message.
   */
  step(x: Tensor, y: Tensor, at: StepAt): number {
    const { model, optimizer, before } = this;
    let loss: number;
    try {
      model.zeroGrad();
      optimizer.zeroGrad();
      const graph = this.lossFn(model.forward(x), y);
      if (!(graph instanceof Tensor) || graph.size !== 1) {
        throw new ShapeError(
          `the loss must be a scalar tensor (one element), got ${graph instanceof Tensor ? `shape ${formatShape(graph.shape)}` : typeof graph}`,
        );
      }
      loss = graph.item();
      if (!Number.isFinite(loss)) {
        const origin = findNonFinite(graph, this.names);
        throw this.nonFinite(
          `the loss is ${loss} at ${describeStep(at)}${origin ? `; the first non-finite value came from ${origin.description}` : ''}; lower the learning rate or check the data`,
          at,
          origin?.op ?? null,
        );
      }
      graph.backward();
      for (const [i, p] of optimizer.params.entries()) before[i].set(p.data);
      optimizer.step();
    } catch (error) {
      throw this.located(error, at);
    } finally {
      model.zeroGrad();
      optimizer.zeroGrad();
    }
    const bad = optimizer.params.findIndex((p) => !allFinite(p.data));
    if (bad >= 0) {
      const p = optimizer.params[bad];
      const i = firstNonFiniteIndex(p);
      const value = p.data[i];
      for (const [j, q] of optimizer.params.entries()) q.data.set(before[j]);
      throw this.nonFinite(
        `parameter '${this.names.get(p)}' became ${value} (flat index ${i}) in the update of ${describeStep(at)}, which was undone; lower the learning rate`,
        at,
        null,
      );
    }
    return loss;
  }

  /** A `NonFiniteError` naming `where`, with `at` and `op` as its details. */
  nonFinite(message: string, at: StepAt, op: string | null): NonFiniteError {
    const details: NonFiniteDetails = { step: at.step, epoch: at.epoch, op };
    return Object.assign(new NonFiniteError(`${this.where}: ${message}`), details);
  }

  /** Where the first non-finite value in the graph of `root` came from, as a clause, and its op. */
  origin(root: Tensor): { clause: string; op: string | null } {
    const found = findNonFinite(root, this.names);
    return {
      clause: found ? `; the first non-finite value came from ${found.description}` : '',
      op: found?.op ?? null,
    };
  }

  /**
   * Everything needed to continue exactly from here: the weights, the optimiser's state, the
   * generators of the model's modules, and what the caller knows (counts, data order, position).
   */
  snapshot(
    at: { readonly epoch: number; readonly step: number },
    data: RandomState | null,
    position: SnapshotPosition | null,
  ): Snapshot {
    return {
      format: 'rxgrad.snapshot',
      version: 1,
      epoch: at.epoch,
      step: at.step,
      weights: copyWeights(this.model),
      optimizer: this.optimizer.state(),
      rng: { data, modules: moduleRngStates(this.model) },
      position,
    };
  }

  /** Loads a snapshot's weights, optimiser state and module generators: all or nothing. */
  restore(s: Snapshot): void {
    const weights = copyWeights(this.model);
    const optimizerState = this.optimizer.state();
    try {
      loadWeights(this.model, s.weights, this.where);
      this.optimizer.loadState(s.optimizer);
      loadModuleRngStates(this.model, s.rng.modules, `${this.where} (resumeFrom)`);
    } catch (error) {
      loadWeights(this.model, weights, this.where);
      this.optimizer.loadState(optimizerState);
      throw error;
    }
  }

  /** `error` with the step in its message (rxgrad errors only; others pass unchanged). */
  private located(error: unknown, at: StepAt): unknown {
    if (!(error instanceof RxgradError) || error instanceof NonFiniteError) return error;
    const Ctor = error.constructor as new (message: string, options?: ErrorOptions) => Error;
    return new Ctor(`${this.where}: at ${describeStep(at)}: ${error.message}`, { cause: error });
  }
}
