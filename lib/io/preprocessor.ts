import { ArgumentError, excerpt, FormatError } from '../core/index.js';
import {
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

/** A fitted preprocessing step that `save` keeps and `load` rebuilds. */
export type Preprocessor = StandardScaler | MinMaxScaler | OneHotEncoder | LabelEncoder;

/** The plain-data state of a `Preprocessor` (what its `state()` returns). */
export type PreprocessorState =
  | StandardScalerState
  | MinMaxScalerState
  | OneHotEncoderState
  | LabelEncoderState;

const REBUILD: Record<PreprocessorState['name'], (s: never) => Preprocessor> = {
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
export function restorePreprocessor(state: unknown, key: string, where: string): Preprocessor {
  try {
    return rebuild(state);
  } catch (e) {
    throw new FormatError(`${where}: preprocessing ${quoteName(key)}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

function rebuild(state: unknown): Preprocessor {
  const name = (state as { name?: unknown })?.name;
  if (typeof name !== 'string' || !Object.hasOwn(REBUILD, name)) {
    throw new ArgumentError(
      `expected a fitted ${Object.keys(REBUILD).join(', ')} or its state(), got ${typeof name === 'string' ? `state name ${excerpt(name)}` : typeof state}`,
    );
  }
  return REBUILD[name as PreprocessorState['name']](state as never);
}
