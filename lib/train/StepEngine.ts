import { Tensor } from '../autograd/index.js';
import type { RandomState, TypedArray } from '../core/index.js';
import { formatShape, NonFiniteError, RxgradError, ShapeError } from '../core/index.js';
import type { Module } from '../nn/Module.js';
import type { Optimizer } from '../optim/Optimizer.js';
import { findNonFinite, firstNonFiniteIndex } from './findNonFinite.js';
import type { LossFn } from './resolveLoss.js';
import * as snapshots from './snapshot.js';

/** Where a step happens: the step (1-based, over the run) and its epoch (1-based; 0 online). */
export interface StepAt {
  /** The step, 1-based over the run. */
  readonly step: number;
  /** The step's epoch, 1-based (0 for `trainOn`). */
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
 * and the state of the model and optimiser in and out of snapshots. A step that would leave a
 * non-finite loss or weight fails with a `NonFiniteError` naming it, and leaves no trace: the
 * model keeps the weights of the last completed step.
 */
export class StepEngine {
  /** Each parameter's name in the model, for messages. */
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
    this.before = optimizer.params.map((p) => p.data.slice());
  }

  /** One optimiser step on the batch (x, y): forward, loss, backward, update; returns the loss. */
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
        const hint = 'lower the learning rate or check the data';
        throw this.nonFinite(`the loss is ${loss} at ${describeStep(at)}`, at, graph, hint);
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
    const p = optimizer.params.find((q) => !allFinite(q.data));
    if (p) {
      const i = firstNonFiniteIndex(p);
      const name = this.names.has(p) ? `parameter '${this.names.get(p)}'` : 'a parameter';
      const message = `${name} became ${p.data[i]} (flat index ${i}) in the update of ${describeStep(at)}, which was undone`;
      for (const [j, q] of optimizer.params.entries()) q.data.set(before[j]);
      throw this.nonFinite(message, at, undefined, 'lower the learning rate');
    }
    return loss;
  }

  /**
   * A `NonFiniteError` of `where` at `at`: `message`, then where the first non-finite value in
   * `graph` came from (its op, also the error's `op`), then `hint`.
   */
  nonFinite(message: string, at: StepAt, graph?: Tensor, hint?: string): NonFiniteError {
    const origin = graph && findNonFinite(graph, this.names);
    const from = origin ? `; the first non-finite value came from ${origin.description}` : '';
    const error = new NonFiniteError(`${this.where}: ${message}${from}${hint ? `; ${hint}` : ''}`);
    const details: NonFiniteDetails = { step: at.step, epoch: at.epoch, op: origin?.op ?? null };
    return Object.assign(error, details);
  }

  /** A snapshot of the model and optimiser, with what the caller knows: counts, data order, position. */
  snapshot(
    at: StepAt,
    data: RandomState | null,
    position: snapshots.SnapshotPosition | null,
  ): snapshots.Snapshot {
    const { model, optimizer } = this;
    const weights = snapshots.copyWeights(model);
    const rng = { data, modules: snapshots.moduleRngStates(model) };
    const { step, epoch } = at;
    const state = optimizer.state();
    return {
      format: 'rxgrad.snapshot',
      version: 1,
      epoch,
      step,
      weights,
      optimizer: state,
      rng,
      position,
    };
  }

  /** Loads a snapshot's weights, optimiser state and module generators: all or nothing. */
  restore(s: snapshots.Snapshot): void {
    const { model, optimizer, where } = this;
    const [weights, state] = [snapshots.copyWeights(model), optimizer.state()];
    try {
      snapshots.loadWeights(model, s.weights, where);
      optimizer.loadState(s.optimizer);
      snapshots.loadModuleRngStates(model, s.rng.modules, `${where} (resumeFrom)`);
    } catch (error) {
      snapshots.loadWeights(model, weights, where);
      optimizer.loadState(state);
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
