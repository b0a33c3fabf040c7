import { Tensor } from '../autograd/index.js';
import { ArgumentError, Random, type RandomState } from '../core/index.js';
import type {
  Snapshot,
  SnapshotPosition,
  SnapshotTensor,
  SnapshotWeights,
} from '../io/Snapshot.js';
import { Module } from '../nn/Module.js';

export type { Snapshot, SnapshotPosition, SnapshotTensor, SnapshotWeights };

/** Copies of the model's parameters and buffers (a batch norm's running statistics) as plain data. */
export function copyWeights(model: Module): SnapshotWeights {
  const out: Record<string, SnapshotTensor> = {};
  for (const [name, p] of [...model.namedParameters(), ...model.namedBuffers()]) {
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
