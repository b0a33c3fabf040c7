import { expect } from 'vitest';
import type { NestedArray, Tensor } from '../../lib/index.js';

/** The error `fn` throws (fails the test when it returns normally). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  expect.fail('expected the call to throw');
}

/** Asserts that `fn` throws an instance of `cls` with exactly `message`. */
export function expectError(
  fn: () => unknown,
  cls: abstract new (...args: never[]) => Error,
  message: string,
): void {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(cls);
  expect(e.message).toBe(message);
}

function flat(v: NestedArray | readonly number[]): number[] {
  return Array.isArray(v) ? v.flatMap((x) => flat(x)) : [v as number];
}

/** Asserts elementwise |actual − expected| ≤ tol (NaN equals NaN, infinities must match). */
export function expectClose(
  actual: Tensor | NestedArray,
  expected: NestedArray,
  tol = 1e-12,
): void {
  const a = flat(typeof actual === 'object' && 'toArray' in actual ? actual.toArray() : actual);
  const e = flat(expected);
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => {
    if (Number.isNaN(e[i]) || !Number.isFinite(e[i])) expect(v).toBe(e[i]);
    else expect(Math.abs(v - e[i]), `element ${i}: ${v} vs ${e[i]}`).toBeLessThanOrEqual(tol);
  });
}
