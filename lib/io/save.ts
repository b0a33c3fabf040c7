import type { Tensor } from '../autograd/index.js';
import { ArgumentError, checkOptions, Random, type RandomState } from '../core/index.js';
import { Module } from '../nn/index.js';
import type { Optimizer, OptimizerState } from '../optim/index.js';
import { type Architecture, describeArchitecture } from './architecture.js';
import { encodeSafetensors } from './encodeSafetensors.js';
import { stringifyExact } from './exactJson.js';
import { MANIFEST_KEY, MANIFEST_VERSION, type Manifest, OPTIMIZER_PREFIX } from './manifest.js';
import { optimizerStateOf, optimizerToTensors } from './optimizerTensors.js';
import { type Preprocessor, type PreprocessorState, preprocessorState } from './preprocessor.js';
import { setOwn } from './records.js';

/** What `save` stores next to the model's weights. */
export interface SaveOptions {
  /** An optimiser (its `state()` is saved) or a state: step count, learning rate, buffers. */
  optimizer?: Optimizer | OptimizerState;
  /** Fitted scalers and encoders by name (`{ x: scaler, y: labels }`), or their states. */
  preprocessing?: Record<string, Preprocessor | PreprocessorState>;
  /** Strings for the safetensors `__metadata__`, visible to every safetensors tool. */
  metadata?: Record<string, string>;
  /** A generator (or its state) to resume from, e.g. the one that shuffles the batches. */
  rng?: Random | RandomState;
  /** Any further plain data (numbers, strings, arrays, objects), kept exactly. */
  extra?: unknown;
}

/**
 * A model as safetensors bytes: its parameters and buffers (BatchNorm's running statistics) as
 * tensors named as in `stateDict()` (`layers.0.weight`, `[inFeatures, outFeatures]`, in the
 * parameter's dtype), the optimiser's
 * buffers as float64 tensors `optimizer.<buffer>.<i>`, and a JSON manifest in `__metadata__`
 * (key `rxgrad`) with the architecture (so `load` rebuilds a `Sequential` or `mlp` without
 * code), the preprocessing, the optimiser's scalars, the RNG state and `extra`.
 *
 * @example
 * const bytes = save(model, { optimizer: opt, preprocessing: { x: scaler }, metadata: { task: 'cancer' } });
 * const { model: copy } = load(bytes);
 */
export function save(model: Module, options: SaveOptions = {}): Uint8Array {
  const where = 'save';
  if (!(model instanceof Module)) {
    throw new ArgumentError(`${where}: model must be a Module, got ${describe(model)}`);
  }
  checkOptions(options, ['optimizer', 'preprocessing', 'metadata', 'rng', 'extra'], where);
  const metadata = options.metadata ?? {};
  if (metadata !== null && typeof metadata === 'object' && Object.hasOwn(metadata, MANIFEST_KEY)) {
    throw new ArgumentError(
      `${where}: metadata key '${MANIFEST_KEY}' is reserved for the manifest`,
    );
  }
  const tensors: Record<string, Tensor> = {};
  const parameters: string[] = [];
  const buffers = model.namedBuffers();
  for (const [name, p] of [...model.namedParameters(), ...buffers]) {
    if (name.startsWith(OPTIMIZER_PREFIX)) {
      throw new ArgumentError(
        `${where}: parameter name '${name}' clashes with the optimiser's tensors`,
      );
    }
    setOwn(tensors, name, p);
    parameters.push(name);
  }
  parameters.splice(parameters.length - buffers.length);
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    modelClass: model.constructor.name,
    architecture: architectureOf(model),
    parameters,
    ...(buffers.length > 0 ? { buffers: buffers.map(([n]) => n) } : {}),
    optimizer: optimizerManifest(options.optimizer, tensors, where),
    preprocessing: preprocessingManifest(options.preprocessing, where),
    rng: rngState(options.rng, where),
    extra: options.extra ?? null,
  };
  return encodeSafetensors(tensors, { ...metadata, [MANIFEST_KEY]: stringifyExact(manifest) });
}

function architectureOf(model: Module): Architecture | null {
  try {
    return describeArchitecture(model);
  } catch {
    // NOTE: a custom module still saves its weights; `load` then needs `{ into: model }`.
    return null;
  }
}

function optimizerManifest(
  optimizer: Optimizer | OptimizerState | undefined,
  tensors: Record<string, Tensor>,
  where: string,
): Manifest['optimizer'] {
  if (optimizer === undefined) return null;
  const { state, shapes } = optimizerStateOf(optimizer, where);
  return optimizerToTensors(state, shapes, tensors, where);
}

export function preprocessingManifest(
  preprocessing: SaveOptions['preprocessing'],
  where: string,
): Record<string, PreprocessorState> | null {
  if (preprocessing === undefined) return null;
  if (preprocessing === null || typeof preprocessing !== 'object' || Array.isArray(preprocessing)) {
    throw new ArgumentError(
      `${where}: preprocessing must be an object of fitted preprocessors by name, got ${describe(preprocessing)}`,
    );
  }
  const out: Record<string, PreprocessorState> = {};
  for (const [key, p] of Object.entries(preprocessing)) out[key] = preprocessorState(p, key, where);
  return out;
}

function rngState(rng: Random | RandomState | undefined, where: string): RandomState | null {
  if (rng === undefined) return null;
  const state = rng instanceof Random ? rng.state() : rng;
  try {
    Random.fromState(state);
  } catch (e) {
    throw new ArgumentError(`${where}: rng: ${(e as Error).message}`, { cause: e });
  }
  return state;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  return typeof v === 'object' ? ((v as object).constructor?.name ?? 'object') : typeof v;
}
