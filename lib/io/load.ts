import type { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  checkOptions,
  DTypeError,
  FormatError,
  formatShape,
  inContext,
  Random,
  type RandomState,
  ShapeError,
  shapesEqual,
} from '../core/index.js';
import { Module } from '../nn/index.js';
import type { Optimizer, OptimizerState } from '../optim/index.js';
import {
  type Architecture,
  architectureParameters,
  buildModel,
  type ParameterSpec,
} from './architecture.js';
import { decodeSafetensors } from './decodeSafetensors.js';
import { MANIFEST_KEY, parseManifest } from './manifest.js';
import { optimizerTensorNames, savedOptimizerState } from './optimizerTensors.js';
import { type Preprocessor, restorePreprocessor } from './preprocessor.js';
import { getOwn, quoteName, setOwn } from './records.js';

/** Where `load` puts what it read (each optional). */
export interface LoadOptions {
  /** Load the weights into this model instead of building one from the saved architecture. */
  into?: Module;
  /** Restore the saved optimiser state into this optimiser. */
  optimizer?: Optimizer;
  /** Restore the saved RNG state into this generator. */
  rng?: Random;
}

/** What `load` returns. */
export interface Loaded {
  /** The model with the saved weights: `options.into`, or one built from the architecture. */
  readonly model: Module;
  /** The saved architecture (null when the model is not built of built-in layers, or for plain safetensors). */
  readonly architecture: Architecture | null;
  /** The saved optimiser state (null when none was saved). */
  readonly optimizer: OptimizerState | null;
  /** The saved preprocessors, rebuilt and fitted, by name. */
  readonly preprocessing: Record<string, Preprocessor>;
  /** The saved generator state (null when none was saved). */
  readonly rng: RandomState | null;
  /** The user's `__metadata__` strings (without rxgrad's manifest). */
  readonly metadata: Record<string, string>;
  /** The `extra` data given to `save` (null when none was saved). */
  readonly extra: unknown;
}

/**
 * Reads bytes written by `save` (or any safetensors file of float32/float64 tensors, with
 * `{ into: model }`). Everything is checked before anything is written: the safetensors
 * structure and the manifest (`FormatError`), each weight's presence, shape (`ShapeError`
 * naming the key, e.g. `layers.0.weight`) and dtype (`DTypeError`), the optimiser state, the
 * preprocessing and the RNG state; only then are the weights, optimiser and RNG restored.
 *
 * @example
 * const { model, preprocessing } = load(bytes);
 * model.forward(preprocessing.x.transform(xNew));
 * load(bytes, { into: net, optimizer: opt });  // resume training
 */
export function load(bytes: Uint8Array | ArrayBuffer, options: LoadOptions = {}): Loaded {
  const where = 'load';
  const { into, optimizer, rng } = checkOptions(options, ['into', 'optimizer', 'rng'], where);
  if (into !== undefined && !(into instanceof Module)) {
    throw new ArgumentError(`${where}: into must be a Module, got ${typeof into}`);
  }
  const { tensors, metadata } = inContext(where, () => decodeSafetensors(bytes));
  const { [MANIFEST_KEY]: manifestText, ...userMetadata } = metadata;
  const manifest = manifestText === undefined ? null : parseManifest(manifestText, where);
  if (manifest === null && into === undefined) {
    throw new FormatError(
      `${where}: the file has no rxgrad manifest (__metadata__.${MANIFEST_KEY}); to read plain safetensors weights pass { into: model }`,
    );
  }
  if (manifest?.snapshot !== undefined && manifest.architecture === null && into === undefined) {
    throw new FormatError(
      `${where}: the file is a checkpoint snapshot saved without its model's architecture; pass { into: model }, or read it with decodeSnapshot`,
    );
  }
  if (manifest !== null && manifest.architecture === null && into === undefined) {
    throw new FormatError(
      `${where}: the file holds a ${manifest.modelClass}, which is not built of built-in layers; pass { into: new ${manifest.modelClass}(…) }`,
    );
  }
  if (into === undefined) {
    // NOTE: the architecture's parameters are matched with the file's tensors before the model is
    // built, so that a small file claiming a huge model cannot make load allocate it.
    const expected = architectureParameters(manifest?.architecture, `${where}: architecture`);
    checkWeights(expected, tensors, manifest?.modelClass ?? 'model', where);
  }
  const model = into ?? buildModel(manifest?.architecture, `${where}: architecture`);
  const weights = checkWeights(
    [...model.namedParameters(), ...model.namedBuffers()].map(([name, p]) => ({
      name,
      shape: p.shape,
      dtype: p.dtype,
    })),
    tensors,
    model.constructor.name,
    where,
  );
  const optimizerState = manifest?.optimizer
    ? savedOptimizerState(manifest.optimizer, tensors, where)
    : null;
  const buffers = optimizerTensorNames(manifest?.optimizer ?? null);
  const stray = Object.keys(tensors).filter((k) => !Object.hasOwn(weights, k) && !buffers.has(k));
  if (stray.length > 0) {
    throw new FormatError(
      `${where}: tensor ${quoteName(stray[0])} in the file is not a parameter of the ${model.constructor.name}; its parameters are ${Object.keys(
        weights,
      )
        .map((k) => `${quoteName(k)}`)
        .join(', ')}`,
    );
  }
  const preprocessing: Record<string, Preprocessor> = {};
  for (const [key, state] of Object.entries(manifest?.preprocessing ?? {})) {
    preprocessing[key] = restorePreprocessor(state, key, where);
  }
  const rngState = manifest?.rng ?? null;
  if (rngState !== null) {
    try {
      Random.fromState(rngState);
    } catch (e) {
      throw new FormatError(`${where}: rng: ${(e as Error).message}`, { cause: e });
    }
  }
  if (optimizer !== undefined && optimizerState === null) {
    throw new FormatError(`${where}: the file holds no optimiser state`);
  }
  if (rng !== undefined && rngState === null) {
    throw new FormatError(`${where}: the file holds no RNG state`);
  }
  // Everything is checked: write. The optimiser checks its state before changing anything.
  if (optimizer !== undefined && optimizerState !== null) optimizer.loadState(optimizerState);
  if (rng !== undefined && rngState !== null) rng.setState(rngState);
  model.loadStateDict(weights);
  return {
    model,
    architecture: manifest?.architecture ?? null,
    optimizer: optimizerState,
    preprocessing,
    rng: rngState,
    metadata: userMetadata,
    extra: manifest?.extra ?? null,
  };
}

/** The model's weights from the file: every parameter and buffer present, with its shape and dtype. */
function checkWeights(
  params: readonly ParameterSpec[],
  tensors: Record<string, Tensor>,
  modelClass: string,
  where: string,
): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const p of params) {
    const t = getOwn(tensors, p.name);
    if (t === undefined) {
      throw new FormatError(
        `${where}: the file has no tensor ${quoteName(p.name)} (shape ${formatShape(p.shape)}) for the ${modelClass}`,
      );
    }
    if (!shapesEqual(t.shape, p.shape)) {
      throw new ShapeError(
        `${where}: ${quoteName(p.name)} has shape ${formatShape(t.shape)} in the file, but the model expects ${formatShape(p.shape)}`,
      );
    }
    if (t.dtype !== p.dtype) {
      throw new DTypeError(
        `${where}: ${quoteName(p.name)} is ${t.dtype} in the file, but the model's parameter is ${p.dtype}`,
      );
    }
    setOwn(out, p.name, t);
  }
  return out;
}
