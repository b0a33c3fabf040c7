import { Tensor } from '../autograd/index.js';
import { ArgumentError, checkOptions } from '../core/index.js';
import { Module } from '../nn/index.js';
import { type Architecture, describeArchitecture } from './architecture.js';
import { encodeSafetensors } from './encodeSafetensors.js';
import { stringifyExact } from './exactJson.js';
import { MANIFEST_KEY, MANIFEST_VERSION, type Manifest, OPTIMIZER_PREFIX } from './manifest.js';
import { optimizerToTensors } from './optimizerTensors.js';
import type { Preprocessor, PreprocessorState } from './preprocessor.js';
import { setOwn } from './records.js';
import type { Snapshot } from './Snapshot.js';
import { preprocessingManifest } from './save.js';

/** What `encodeSnapshot` stores besides the snapshot. */
export interface EncodeSnapshotOptions {
  /** The model the snapshot was taken from: its architecture makes the file loadable by `load`. */
  model?: Module;
  /** Fitted scalers and encoders by name (`{ x: scaler, y: labels }`), or their states, as `save` takes them. */
  preprocessing?: Record<string, Preprocessor | PreprocessorState>;
  /** Strings for the safetensors `__metadata__`. */
  metadata?: Record<string, string>;
}

/**
 * A trainer checkpoint snapshot (`checkpoint`'s `snapshot`) as safetensors bytes: the weights
 * and the optimiser's buffers as tensors, bit for bit, and the rest (epoch, step, RNG states,
 * position in the epoch; every number exact) in the manifest. With `model` the file is also a
 * complete model file: `load(bytes)` rebuilds the model at that checkpoint.
 *
 * @example
 * checkpoint({ control$, every: 1, sink: (s) => writeFileAtomic('ckpt.safetensors', encodeSnapshot(s, { model })) })
 * fit(model, data, { loss: 'mse', optimizer: opt, resumeFrom: decodeSnapshot(bytes) })
 */
export function encodeSnapshot(
  snapshot: Snapshot,
  options: EncodeSnapshotOptions = {},
): Uint8Array {
  const where = 'encodeSnapshot';
  checkOptions(options, ['model', 'preprocessing', 'metadata'], where);
  if (snapshot === null || typeof snapshot !== 'object' || snapshot.format !== 'rxgrad.snapshot') {
    throw new ArgumentError(
      `${where}: expected a checkpoint snapshot (format 'rxgrad.snapshot'), got ${typeof snapshot}`,
    );
  }
  const { weights, optimizer, ...rest } = snapshot;
  const tensors: Record<string, Tensor> = {};
  for (const [name, w] of Object.entries(weights ?? {})) {
    if (name.startsWith(OPTIMIZER_PREFIX)) {
      throw new ArgumentError(
        `${where}: weight name '${name}' clashes with the optimiser's tensors`,
      );
    }
    setOwn(tensors, name, new Tensor(w.data, w.shape));
  }
  const parameters = Object.keys(tensors);
  const model = options.model;
  let architecture: Architecture | null = null;
  if (model !== undefined) {
    if (!(model instanceof Module)) throw new ArgumentError(`${where}: model must be a Module`);
    const names = model.namedParameters().map(([n]) => n);
    if (names.join('\n') !== parameters.join('\n')) {
      throw new ArgumentError(
        `${where}: the model's parameters (${names.join(', ')}) are not the snapshot's weights (${parameters.join(', ')})`,
      );
    }
    try {
      architecture = describeArchitecture(model);
    } catch {
      architecture = null;
    }
  }
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    modelClass: model?.constructor.name ?? 'Module',
    architecture,
    parameters,
    optimizer: optimizerToTensors(optimizer, null, tensors, where),
    preprocessing: preprocessingManifest(options.preprocessing, where),
    rng: snapshot.rng?.data ?? null,
    extra: null,
    snapshot: rest,
  };
  if (options.metadata && Object.hasOwn(options.metadata, MANIFEST_KEY)) {
    throw new ArgumentError(
      `${where}: metadata key '${MANIFEST_KEY}' is reserved for the manifest`,
    );
  }
  return encodeSafetensors(tensors, {
    ...options.metadata,
    [MANIFEST_KEY]: stringifyExact(manifest),
  });
}
