import { ArgumentError, type DType, excerpt } from '../core/index.js';
import type { CheckpointEvent, StartEvent } from './events.js';
import type { SnapshotWeights } from './snapshot.js';

/**
 * How an operator with a state of its own (`earlyStopping`, `reduceLROnPlateau`) makes a
 * resumed run the same run, with data only: it adds its state to each checkpoint event that
 * passes it (`snapshot.operators[name]`), and a run resumed from that snapshot hands the state
 * back in its start event (`start.operators[name]`). The state is plain data whose numbers all
 * survive `encodeSnapshot` (NaN and ±Infinity included): numbers, strings, arrays, records.
 */
export interface OperatorState<S> {
  /** The checkpoint event with `state` saved under the operator's name. */
  save(e: CheckpointEvent, state: S): CheckpointEvent;
  /** The state saved in the snapshot a run resumed from, or undefined. */
  saved(e: StartEvent): S | undefined;
}

/**
 * The `OperatorState` of operator `name`, whose saved state must have the numeric `fields`;
 * a saved state without them is an `ArgumentError` naming the operator.
 */
export function operatorState<S extends object>(
  name: string,
  fields: readonly (keyof S & string)[],
): OperatorState<S> {
  return {
    save: (e, state) => ({
      ...e,
      snapshot: { ...e.snapshot, operators: { ...e.snapshot.operators, [name]: state } },
    }),
    saved: (e) => {
      const s = e.operators?.[name] as Record<string, unknown> | undefined;
      if (s === undefined) return undefined;
      const bad = fields.find((f) => typeof s?.[f] !== 'number');
      if (bad !== undefined) {
        throw new ArgumentError(
          `${name}: the snapshot's state for ${name} has no number '${bad}': ${excerpt(s)}`,
        );
      }
      return s as S;
    },
  };
}

/** Weights as plain arrays of numbers (what `encodeSnapshot` keeps exactly in its manifest). */
export type PlainWeights = Readonly<
  Record<
    string,
    { readonly shape: readonly number[]; readonly dtype: DType; readonly values: readonly number[] }
  >
>;

/** `weights` as plain arrays. */
export function plainWeights(weights: SnapshotWeights): PlainWeights {
  return Object.fromEntries(
    Object.entries(weights).map(([k, w]) => [
      k,
      { shape: w.shape, dtype: w.dtype, values: [...w.data] },
    ]),
  );
}

/** Plain weights back as typed arrays. */
export function typedWeights(plain: PlainWeights): SnapshotWeights {
  return Object.fromEntries(
    Object.entries(plain).map(([k, w]) => [
      k,
      {
        shape: w.shape,
        dtype: w.dtype,
        data: w.dtype === 'float32' ? Float32Array.from(w.values) : Float64Array.from(w.values),
      },
    ]),
  );
}
