import * as fc from 'fast-check';
import { expect } from 'vitest';
import { RxgradError, Tensor } from '../../lib/index.js';

/**
 * The bad-input fuzz suite's judge. Every generated call ends in one of two acceptable ways:
 * a named rxgrad error (a subclass of RxgradError) whose message names the function called,
 * says what was wrong or expected and what was found, and stays short; or a result that the
 * case's oracle accepts. Anything else fails: another thrown error (TypeError, RangeError),
 * a message that does not name the function, an unbounded message, a result the oracle
 * rejects, or a valid input that was refused.
 */

/** Cases judged in this process (each test file reports its own count). */
export const judged = { cases: 0, errors: 0, results: 0 };

/** The fixed seed of every property: a failure is reproduced by running the suite again. */
export const SEED = 12;

/** Runs a property with the suite's seed. */
export function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number) {
  fc.assert(fc.property(arb, predicate), { seed: SEED, numRuns, endOnFailure: true });
}

/** What the input is, when the case knows: `valid` must not fail, `invalid` must. */
export type Expectation = 'valid' | 'invalid' | 'unknown';

/** The longest message a bad input may produce (excerpts keep hostile values out of it). */
export const MAX_MESSAGE = 1200;

const WHAT =
  /must|expected|expects|needs?|cannot|can only|unknown|out of range|too |at most|at least|empty|not |no |only|reserved|duplicate|ambiguous|overflows|exceeds|refuse|mismatch|differ|missing|unterminated|invalid|malformed|not fitted|neither|\bnone\b|truncated|shorter|longer|\bbad\b|trailing|overlap|belong to no|\bpass \{|newer|unsupported|lacks|holds no|has no|\bnot a\b|\bnot an\b|\bgot\b|\bbut\b/i;
const FOUND =
  /\bgot\b|found|"|'|\bhas\b|\bhave\b|holds?|\bis\b|\bare\b|was|would|gives?|overflows|(?:shape|dtype) \[|\d/i;

/** Checks that `e` is a well-formed named error of a call to one of `names`. */
export function expectNamedError(e: unknown, names: readonly string[]): void {
  if (!(e instanceof RxgradError)) {
    const err = e as Error;
    expect.fail(
      `${names[0]}: expected a named rxgrad error, got ${err?.name ?? typeof e}: ${String(err?.message ?? e).slice(0, 300)}\n${err?.stack?.split('\n').slice(1, 6).join('\n')}`,
    );
  }
  const m = e.message;
  const named = names.some(
    (n) =>
      m.startsWith(`${n}:`) ||
      m.startsWith(`${n}.`) ||
      m.startsWith(`${n} `) ||
      m.startsWith(`${n}(`),
  );
  expect(named, `the message does not start with ${names.join(' or ')}: ${m.slice(0, 300)}`).toBe(
    true,
  );
  expect(m.length, `an unbounded message: ${m.slice(0, 300)}…`).toBeLessThanOrEqual(MAX_MESSAGE);
  expect(WHAT.test(m), `the message does not say what was expected or wrong: ${m}`).toBe(true);
  expect(FOUND.test(m), `the message does not say what was found: ${m}`).toBe(true);
}

/**
 * Judges one call of the function(s) `names` (the first is the one called; the others are
 * accepted prefixes, e.g. a class's method). `oracle` checks a result; `expectation` says
 * whether the input is known to be valid or invalid.
 */
export function judge<T>(
  names: string | readonly string[],
  call: () => T,
  oracle: (result: T) => void = () => {},
  expectation: Expectation = 'unknown',
): 'error' | 'result' {
  const list = typeof names === 'string' ? [names] : names;
  judged.cases++;
  let result: T;
  try {
    result = call();
  } catch (e) {
    expectNamedError(e, list);
    if (expectation === 'valid') {
      expect.fail(`${list[0]}: a valid input was refused: ${(e as Error).message}`);
    }
    judged.errors++;
    return 'error';
  }
  if (expectation === 'invalid') {
    expect.fail(`${list[0]}: an invalid input was accepted, giving ${describe(result)}`);
  }
  oracle(result);
  judged.results++;
  return 'result';
}

/** The same for a call that may also fail asynchronously (a promise, or an Observable's error). */
export async function judgeAsync<T>(
  names: string | readonly string[],
  call: () => Promise<T>,
  oracle: (result: T) => void = () => {},
): Promise<'error' | 'result'> {
  const list = typeof names === 'string' ? [names] : names;
  judged.cases++;
  let result: T;
  try {
    result = await call();
  } catch (e) {
    expectNamedError(e, list);
    judged.errors++;
    return 'error';
  }
  oracle(result);
  judged.results++;
  return 'result';
}

function describe(v: unknown): string {
  if (v instanceof Tensor) return `a tensor of shape [${v.shape.join(',')}]`;
  return typeof v;
}

/** a and b equal as numbers, NaN equal to NaN (and −0 to 0). */
export function same(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** |a − b| within atol + rtol·|b|, NaN matching NaN and infinities matching exactly. */
export function close(a: number, b: number, rtol = 1e-12, atol = 1e-12): boolean {
  if (Number.isNaN(b) || !Number.isFinite(b)) return same(a, b);
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}
