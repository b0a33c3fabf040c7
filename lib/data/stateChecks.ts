import { ArgumentError, excerpt } from '../core/index.js';

/** The state object as a record after checking its `name` and that every key in `keys` is present. */
export function checkState(
  state: unknown,
  name: string,
  keys: readonly string[],
  where: string,
): Record<string, unknown> {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new ArgumentError(`${where}: expected a ${name} state object, got ${excerpt(state)}`);
  }
  const s = state as Record<string, unknown>;
  if (s.name !== name) {
    throw new ArgumentError(`${where}: expected state name "${name}", got ${excerpt(s.name)}`);
  }
  for (const key of keys) {
    if (!(key in s)) throw new ArgumentError(`${where}: state is missing key "${key}"`);
  }
  return s;
}

/** `value` as an array of finite numbers (of `length` when given), or an error naming `key`. */
export function numberArray(value: unknown, key: string, where: string, length?: number): number[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new ArgumentError(`${where}: state key "${key}" must be an array of finite numbers`);
  }
  if (length !== undefined && value.length !== length) {
    throw new ArgumentError(
      `${where}: state key "${key}" has ${value.length} entries, expected ${length}`,
    );
  }
  return [...value];
}

/**
 * The smallest power of two ≥ |v| (1 for 0 or a non-finite v): a scale that brings v into
 * [−1, 1] exactly, as dividing by a power of two loses no bits.
 */
export function powerOfTwoAbove(v: number): number {
  const a = Math.abs(v);
  if (a === 0 || !Number.isFinite(a)) return 1;
  let k = 2 ** Math.ceil(Math.log2(a));
  // NOTE: log2 may round across a power of two; and 2^1024 overflows, so stay at 2^1023.
  if (k < a) k *= 2;
  if (!Number.isFinite(k)) return 2 ** 1023;
  return k === 0 ? Number.MIN_VALUE : k;
}
