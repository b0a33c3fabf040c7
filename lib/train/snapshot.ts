import { Tensor } from '../autograd/index.js';
import { ArgumentError, type DType, Random, type RandomState } from '../core/index.js';
import { Module } from '../nn/Module.js';
import type { OptimizerState } from '../optim/Optimizer.js';

/** One parameter as plain data: its shape, dtype and a copy of its values. */
export interface SnapshotTensor {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly data: Float32Array | Float64Array;
}

/** A model's weights as plain data, by dotted parameter name (`layers.0.weight`). */
export type SnapshotWeights = Readonly<Record<string, SnapshotTensor>>;

/** Where a `fit` run stood inside its epoch, and the settings the position depends on. */
export interface SnapshotPosition {
  /** Mini-batches already done in the current (unfinished) epoch; 0 at an epoch boundary. */
  readonly batch: number;
  /** Sum of loss·batchSize and samples so far in the current epoch (for the epoch's mean loss). */
  readonly lossSum: number;
  readonly samples: number;
  /** The settings of the run, checked on resume: resuming with others would not continue it. */
  readonly seed: number;
  readonly batchSize: number;
  readonly stepsPerEpoch: number;
  readonly trainSamples: number;
}

/**
 * Everything needed to continue a run exactly: the weights, the optimiser's state, the state of
 * every random generator (the data order's, as it was at the start of the current epoch, and
 * those of modules such as `Dropout`), the epoch and step counts and the position inside the
 * epoch. Plain structured-clone-safe data: a sink can persist it as it is.
 */
export interface Snapshot {
  readonly format: 'rxgrad.snapshot';
  readonly version: 1;
  /** Completed epochs and completed optimiser steps. */
  readonly epoch: number;
  readonly step: number;
  readonly weights: SnapshotWeights;
  readonly optimizer: OptimizerState;
  readonly rng: {
    /** The data-order generator at the start of the current epoch (null without one). */
    readonly data: RandomState | null;
    /** Generators found in the model's fields (`layers.2.rng` of a `Dropout`), by dotted name. */
    readonly modules: Readonly<Record<string, RandomState>>;
  };
  /** Position inside the epoch (null for a `trainOn` run, which has no epochs). */
  readonly position: SnapshotPosition | null;
}

/** Copies of the model's parameters as plain data. */
export function copyWeights(model: Module): SnapshotWeights {
  const out: Record<string, SnapshotTensor> = {};
  for (const [name, p] of model.namedParameters()) {
    out[name] = { shape: [...p.shape], dtype: p.dtype, data: p.data.slice() };
  }
  return out;
}

/** Copies plain-data weights into the model (strict: names and shapes must match; nothing changes otherwise). */
export function loadWeights(model: Module, weights: SnapshotWeights, where: string): void {
  if (weights === null || typeof weights !== 'object') {
    throw new ArgumentError(`${where}: expected weights by parameter name, got ${weights}`);
  }
  const state: Record<string, Tensor> = {};
  for (const [name, w] of Object.entries(weights)) {
    if (!(w?.data instanceof Float32Array || w?.data instanceof Float64Array)) {
      throw new ArgumentError(`${where}: weight '${name}' has no Float32Array/Float64Array data`);
    }
    state[name] = new Tensor(w.data, w.shape);
  }
  model.loadStateDict(state);
}

/** The `Random` generators held in the fields of a model and its sub-modules, by dotted name. */
export function moduleRngs(model: Module): [string, Random][] {
  const out: [string, Random][] = [];
  const visit = (m: Module, prefix: string): void => {
    for (const [key, value] of Object.entries(m)) {
      if (value instanceof Random) out.push([prefix + key, value]);
      else if (value instanceof Module) visit(value, `${prefix}${key}.`);
      else if (Array.isArray(value)) {
        value.forEach((v, i) => {
          if (v instanceof Module) visit(v, `${prefix}${key}.${i}.`);
        });
      }
    }
  };
  visit(model, '');
  return out;
}

/** The states of the model's generators, by dotted name. */
export function moduleRngStates(model: Module): Record<string, RandomState> {
  return Object.fromEntries(moduleRngs(model).map(([name, r]) => [name, r.state()]));
}

/** Restores the model's generators (every one must be in `states`). */
export function loadModuleRngStates(
  model: Module,
  states: Readonly<Record<string, RandomState>>,
  where: string,
): void {
  const rngs = moduleRngs(model);
  for (const [name] of rngs) {
    if (!states || !(name in states)) {
      throw new ArgumentError(
        `${where}: the snapshot has no state for the model's generator '${name}'`,
      );
    }
  }
  for (const [name, r] of rngs) r.setState(states[name]);
}

/** Checks the outer form of a snapshot (what `resumeFrom` receives) and returns it typed. */
export function checkSnapshot(value: unknown, where: string): Snapshot {
  const s = value as Snapshot;
  if (s === null || typeof s !== 'object' || s.format !== 'rxgrad.snapshot') {
    throw new ArgumentError(
      `${where}: expected a snapshot from checkpoint (format 'rxgrad.snapshot'), got ${s === null ? 'null' : typeof s === 'object' ? `an object with format ${JSON.stringify(s.format)}` : typeof s}`,
    );
  }
  if (s.version !== 1) {
    throw new ArgumentError(`${where}: unsupported snapshot version ${JSON.stringify(s.version)}`);
  }
  for (const key of ['epoch', 'step'] as const) {
    if (!Number.isInteger(s[key]) || s[key] < 0) {
      throw new ArgumentError(
        `${where}: snapshot.${key} must be a non-negative integer, got ${s[key]}`,
      );
    }
  }
  if (!s.position) {
    throw new ArgumentError(
      `${where}: the snapshot has no position (it was taken from trainOn, not fit)`,
    );
  }
  return s;
}

/**
 * Checks that a snapshot can continue a run with these settings (those of the interrupted run,
 * with the same total `epochs` or more), and returns its position; an `ArgumentError` naming the
 * first setting that differs otherwise.
 */
export function checkResumable(
  s: Snapshot,
  run: {
    seed: number;
    batchSize: number;
    trainSamples: number;
    stepsPerEpoch: number;
    epochs: number;
    where: string;
  },
): SnapshotPosition {
  const p = s.position!;
  const { where, epochs, stepsPerEpoch } = run;
  for (const key of ['seed', 'batchSize', 'trainSamples', 'stepsPerEpoch'] as const) {
    if (p[key] !== run[key]) {
      throw new ArgumentError(
        `${where}: resumeFrom was taken from a run with ${key} ${p[key]}, this run has ${run[key]}; resume with the options of the interrupted run`,
      );
    }
  }
  if (s.epoch > epochs || (s.epoch === epochs && p.batch > 0)) {
    throw new ArgumentError(
      `${where}: resumeFrom is at epoch ${s.epoch} but this run has only ${epochs} epochs (epochs is the total, not the number of epochs left)`,
    );
  }
  if (s.step !== s.epoch * stepsPerEpoch + p.batch || p.batch > stepsPerEpoch) {
    throw new ArgumentError(
      `${where}: resumeFrom is inconsistent: step ${s.step} is not epoch ${s.epoch} × ${stepsPerEpoch} steps + batch ${p.batch}`,
    );
  }
  return p;
}
