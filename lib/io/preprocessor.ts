import type { Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt, FormatError } from '../core/index.js';
import {
  type EncoderInput,
  LabelEncoder,
  type LabelEncoderState,
  MinMaxScaler,
  type MinMaxScalerState,
  OneHotEncoder,
  type OneHotEncoderState,
  StandardScaler,
  type StandardScalerState,
} from '../data/index.js';
import { quoteName } from './records.js';

/** The fitted preprocessing steps that `save` keeps and `load` rebuilds. */
type FittedStep = StandardScaler | MinMaxScaler | OneHotEncoder | LabelEncoder;

/**
 * A fitted preprocessing step that `save` keeps and `load` rebuilds: a `StandardScaler`,
 * `MinMaxScaler`, `OneHotEncoder` or `LabelEncoder`. As `load` returns it, `transform` takes
 * what any of them takes (features as a tensor, a table or rows of cells, labels), so
 * `preprocessing.x.transform(table)` type-checks as it is; the step checks its input and throws
 * a named error for what it cannot take. Narrow with `instanceof` for a class's own methods.
 *
 * @example
 * const { model, preprocessing } = load(bytes);
 * model.forward(preprocessing.x.transform(table));
 * if (preprocessing.y instanceof LabelEncoder) preprocessing.y.inverseTransform(indices);
 */
export interface Preprocessor {
  /** The step applied to new data: features, a table or rows of cells, or labels. */
  transform(input: EncoderInput): Tensor;
  /** Its fitted state as plain data (what `save` stores). */
  state(): PreprocessorState;
}

/** The plain-data state of a `Preprocessor` (what its `state()` returns). */
export type PreprocessorState =
  | StandardScalerState
  | MinMaxScalerState
  | OneHotEncoderState
  | LabelEncoderState;

const REBUILD: Record<PreprocessorState['name'], (s: never) => FittedStep> = {
  standardScaler: (s: StandardScalerState) => StandardScaler.fromState(s),
  minMaxScaler: (s: MinMaxScalerState) => MinMaxScaler.fromState(s),
  oneHotEncoder: (s: OneHotEncoderState) => OneHotEncoder.fromState(s),
  labelEncoder: (s: LabelEncoderState) => LabelEncoder.fromState(s),
};

/** The state of a fitted preprocessor (or a state passed as is), checked by rebuilding it. */
export function preprocessorState(p: unknown, key: string, where: string): PreprocessorState {
  try {
    const state =
      typeof (p as { state?: unknown })?.state === 'function' ? (p as Preprocessor).state() : p;
    rebuild(state);
    return state as PreprocessorState;
  } catch (e) {
    throw new ArgumentError(`${where}: preprocessing ${quoteName(key)}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

/** A preprocessor rebuilt from its state; a `FormatError` naming `key` when the state is invalid. */
export function restorePreprocessor(state: unknown, key: string, where: string): FittedStep {
  try {
    return rebuild(state);
  } catch (e) {
    throw new FormatError(`${where}: preprocessing ${quoteName(key)}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

function rebuild(state: unknown): FittedStep {
  const name = (state as { name?: unknown })?.name;
  if (typeof name !== 'string' || !Object.hasOwn(REBUILD, name)) {
    throw new ArgumentError(
      `expected a fitted ${Object.keys(REBUILD).join(', ')} or its state(), got ${typeof name === 'string' ? `state name ${excerpt(name)}` : typeof state}`,
    );
  }
  return REBUILD[name as PreprocessorState['name']](state as never);
}
