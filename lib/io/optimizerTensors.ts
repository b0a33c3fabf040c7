import { Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt, FormatError } from '../core/index.js';
import { checkOptimizerState, type Optimizer, type OptimizerState } from '../optim/index.js';
import { type Manifest, OPTIMIZER_PREFIX } from './manifest.js';
import { getOwn, quoteName, setOwn } from './records.js';

/** An optimiser's state, or the optimiser itself: its `state()` and its parameters' shapes. */
export function optimizerStateOf(
  optimizer: Optimizer | OptimizerState,
  where: string,
): { state: OptimizerState; shapes: (readonly number[])[] | null } {
  const o = optimizer as Optimizer;
  const live = typeof o?.state === 'function';
  const state = live ? o.state() : (optimizer as OptimizerState);
  if (
    state === null ||
    typeof state !== 'object' ||
    typeof state.buffers !== 'object' ||
    state.buffers === null
  ) {
    throw new ArgumentError(
      `${where}: optimizer must be an Optimizer or its state(), got ${excerpt(state)}`,
    );
  }
  return { state, shapes: live ? o.params.map((p) => p.shape) : null };
}

/**
 * The optimiser's state for the manifest, its buffers moved into `tensors` as float64 tensors
 * `optimizer.<buffer>.<param index>` (in the parameter's shape when it is known and fits).
 */
export function optimizerToTensors(
  state: OptimizerState,
  shapes: (readonly number[])[] | null,
  tensors: Record<string, Tensor>,
  where: string,
): NonNullable<Manifest['optimizer']> {
  const buffers: Record<string, (string | null)[]> = {};
  for (const [key, list] of Object.entries(state.buffers)) {
    if (!Array.isArray(list))
      throw new ArgumentError(`${where}: optimizer buffer ${quoteName(key)} must be a list`);
    buffers[key] = list.map((values, i) => {
      if (values.length === 0) return null;
      const name = `${OPTIMIZER_PREFIX}${key}.${i}`;
      const shape =
        shapes?.[i] && shapes[i].reduce((a, b) => a * b, 1) === values.length
          ? shapes[i]
          : [values.length];
      // NOTE: buffers are JS numbers (doubles): float64 keeps them exactly.
      setOwn(tensors, name, new Tensor(Float64Array.from(values), shape));
      return name;
    });
  }
  return { ...state, buffers };
}

/** The optimiser's state back from the manifest and the `optimizer.*` tensors. */
export function optimizerFromTensors(
  saved: unknown,
  tensors: Record<string, Tensor>,
  where: string,
): OptimizerState {
  const s = saved as NonNullable<Manifest['optimizer']>;
  if (s === null || typeof s !== 'object' || typeof s.buffers !== 'object' || s.buffers === null) {
    throw new FormatError(
      `${where}: the manifest's optimizer must be an object with buffers, got ${excerpt(saved)}`,
    );
  }
  const buffers: Record<string, number[][]> = {};
  for (const [key, list] of Object.entries(s.buffers)) {
    if (!Array.isArray(list))
      throw new FormatError(
        `${where}: optimizer buffer ${quoteName(key)} must be a list, got ${excerpt(list)}`,
      );
    const entries = list.map((name) => {
      if (name === null) return [];
      const t =
        typeof name === 'string' && name.startsWith(OPTIMIZER_PREFIX)
          ? getOwn(tensors, name)
          : undefined;
      if (t === undefined) {
        throw new FormatError(
          `${where}: optimizer buffer ${quoteName(key)} refers to a missing tensor ${excerpt(name)}`,
        );
      }
      if (t.dtype !== 'float64')
        throw new FormatError(
          `${where}: optimizer tensor ${quoteName(name)} must be F64, got ${t.dtype}`,
        );
      return Array.from(t.data);
    });
    setOwn(buffers, key, entries);
  }
  return { ...(s as unknown as OptimizerState), buffers };
}

/** Names of the tensors the manifest's optimizer refers to. */
export function optimizerTensorNames(saved: Manifest['optimizer']): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(saved?.buffers ?? {})) {
    if (Array.isArray(list)) for (const name of list) if (typeof name === 'string') out.add(name);
  }
  return out;
}

/** The saved optimiser state, its form checked (a `FormatError`, as for anything in the file). */
export function savedOptimizerState(
  saved: unknown,
  tensors: Record<string, Tensor>,
  where: string,
): OptimizerState {
  const state = optimizerFromTensors(saved, tensors, where);
  try {
    return checkOptimizerState(state, where);
  } catch (e) {
    throw new FormatError((e as Error).message, { cause: e });
  }
}
