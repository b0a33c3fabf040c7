import { excerpt, FormatError, type RandomState } from '../core/index.js';
import type { Architecture } from './architecture.js';
import { parseExact } from './exactJson.js';
import type { PreprocessorState } from './preprocessor.js';

/** The `__metadata__` key that holds rxgrad's manifest (JSON); user metadata may not use it. */
export const MANIFEST_KEY = 'rxgrad';
/** Version of the manifest layout; `load` refuses newer ones. */
export const MANIFEST_VERSION = 1;
/** Prefix of the optimiser's buffers among the tensors: `optimizer.<buffer>.<param index>`. */
export const OPTIMIZER_PREFIX = 'optimizer.';

/**
 * What a saved file holds besides the tensors, as JSON in `__metadata__.rxgrad` (numbers exact,
 * NaN/±Infinity/−0 included, see `stringifyExact`).
 */
export interface Manifest {
  readonly version: number;
  /** The model's class name, and its architecture when it is built of built-in layers. */
  readonly modelClass: string;
  readonly architecture: Architecture | null;
  /** The model's parameter names, in `namedParameters()` order. */
  readonly parameters: readonly string[];
  /** The model's buffer names (running statistics), in `namedBuffers()` order, when it has any. */
  readonly buffers?: readonly string[];
  /** The optimiser's state with each buffer entry replaced by a tensor name (or null if empty). */
  readonly optimizer:
    | (Record<string, unknown> & { buffers: Record<string, (string | null)[]> })
    | null;
  readonly preprocessing: Record<string, PreprocessorState> | null;
  readonly rng: RandomState | null;
  /** Further plain data given to `save`. */
  readonly extra: unknown;
  /** In a checkpoint from `encodeSnapshot`: the trainer's snapshot without weights and optimiser. */
  readonly snapshot?: Record<string, unknown>;
}

/** The manifest from its JSON text, with its outer form checked (a `FormatError` otherwise). */
export function parseManifest(text: string, where: string): Manifest {
  const m = parseExact(text, `${where}: manifest`) as Manifest;
  if (m === null || typeof m !== 'object' || typeof m.version !== 'number') {
    throw new FormatError(
      `${where}: the manifest must be an object with a version, got ${excerpt(m)}`,
    );
  }
  if (m.version > MANIFEST_VERSION) {
    throw new FormatError(
      `${where}: manifest version ${m.version} is newer than this rxgrad reads (${MANIFEST_VERSION})`,
    );
  }
  if (
    !Array.isArray(m.parameters) ||
    !m.parameters.every((p) => typeof p === 'string') ||
    typeof m.modelClass !== 'string'
  ) {
    throw new FormatError(
      `${where}: the manifest must have a list of parameter names and a model class, got parameters ${excerpt(m.parameters)} and modelClass ${excerpt(m.modelClass)}`,
    );
  }
  return m;
}
