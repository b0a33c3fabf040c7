import { ArgumentError, excerpt } from '../core/index.js';
import type { OptimizerState } from './Optimizer.js';

/**
 * Checks the form of an optimiser's plain-data state without the optimiser itself: `name` a
 * string, `step` a non-negative integer, `lr` (and `lrScale` if present) a non-negative finite
 * number, `buffers` an object of lists with one entry per parameter (the same count in every
 * list), each entry `[]` or a list of numbers. What it cannot know without the optimiser (the
 * buffers' names and lengths) its `loadState` checks. Returns the state; an `ArgumentError`
 * naming `where` and the bad key otherwise.
 *
 * @example checkOptimizerState(loaded.optimizer, 'load')
 */
export function checkOptimizerState(state: unknown, where: string): OptimizerState {
  const fail = (what: string, expected: string, got: unknown): never => {
    throw new ArgumentError(
      `${where}: optimizer state ${what} must be ${expected}, got ${excerpt(got)}`,
    );
  };
  if (state === null || typeof state !== 'object' || Array.isArray(state)) {
    fail('', 'an object { name, step, lr, buffers }', state);
  }
  const s = state as Record<string, unknown>;
  if (typeof s.name !== 'string') fail('name', 'a string', s.name);
  if (!Number.isSafeInteger(s.step) || (s.step as number) < 0) {
    fail('step', 'a non-negative integer', s.step);
  }
  const rate = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (!rate(s.lr)) fail('lr', 'a non-negative finite number', s.lr);
  if (s.lrScale !== undefined && !rate(s.lrScale)) {
    fail('lrScale', 'a non-negative finite number', s.lrScale);
  }
  const buffers = s.buffers;
  if (buffers === null || typeof buffers !== 'object' || Array.isArray(buffers)) {
    fail('buffers', 'an object of lists by name', buffers);
  }
  let count: number | null = null;
  for (const [key, list] of Object.entries(buffers as object)) {
    if (!Array.isArray(list)) fail(`buffer '${key}'`, 'a list (one entry per parameter)', list);
    const entries = list as unknown[];
    if (count !== null && entries.length !== count) {
      fail(
        `buffer '${key}'`,
        `a list of ${count} entries like the others`,
        `${entries.length} entries`,
      );
    }
    count = entries.length;
    entries.forEach((values, i) => {
      if (!Array.isArray(values) || !values.every((v) => typeof v === 'number')) {
        fail(`buffer '${key}' entry ${i}`, '[] or a list of numbers', values);
      }
    });
  }
  return state as OptimizerState;
}
