import { ArgumentError, checkOptions, excerpt, kindOf } from '../core/index.js';
import type { Tolerances } from './gradCheckReport.js';
import { Tensor } from './Tensor.js';

/** Options of `gradCheck` and `gradGradCheck`: tolerances, step, mode, which inputs. */
export interface GradCheckOptions {
  /** Absolute tolerance: pass when |analytic − numeric| ≤ atol + rtol·|numeric|. Default 1e-5. */
  atol?: number;
  /** Relative tolerance. Default 1e-3. */
  rtol?: number;
  /** Relative finite-difference step: each element moves by eps·max(1, |x|). Default 1e-6. */
  eps?: number;
  /**
   * `'full'`: one central difference per input element (exact per element, 2 evaluations each);
   * `'vjp'`: JAX's check_vjp, ⟨t, Jᵀc⟩ against a directional difference along random t, for
   * big tensors (2 evaluations per direction); `'auto'` (default): full up to `maxFullElements`.
   */
  mode?: 'full' | 'vjp' | 'auto';
  /** Largest input (in elements) that `'auto'` checks element by element. Default 256. */
  maxFullElements?: number;
  /** Number of random directions per input in `'vjp'` mode. Default 3. */
  directions?: number;
  /** Seed of the random cotangents and directions. Default 0. */
  seed?: number;
  /** Which inputs to check (all by default). */
  argnums?: number | readonly number[];
  /** Tolerances of the float32 gradient against its float64 twin. Default { atol: 1e-4, rtol: 1e-3 }. */
  float32?: {
    /** Absolute tolerance of the float32 gradient. Default 1e-4. */
    atol?: number;
    /** Relative tolerance of the float32 gradient. Default 1e-3. */
    rtol?: number;
  };
  /** Throw a `GradError` carrying the failure message instead of returning a failed report. */
  throwOnFailure?: boolean;
  /** A name for each input, used in the report and its messages (`checkModuleGradients` passes the parameters' names). */
  names?: readonly string[];
}

/** A function of tensors whose gradients are checked. */
export type Fn = (...inputs: Tensor[]) => Tensor;

/** The options with their defaults filled in. */
export interface Settings extends Tolerances {
  eps: number;
  mode: 'full' | 'vjp' | 'auto';
  maxFullElements: number;
  directions: number;
  seed: number;
}

/** Validates the options (errors name `where`) and fills in the defaults. */
export function settings(options: GradCheckOptions, where: string): Settings {
  checkOptions(
    options,
    [
      'atol',
      'rtol',
      'eps',
      'mode',
      'maxFullElements',
      'directions',
      'seed',
      'argnums',
      'float32',
      'throwOnFailure',
      'names',
    ],
    where,
  );
  const num = (v: number | undefined, dflt: number, name: string, positive = false): number => {
    if (v === undefined) return dflt;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (positive && v === 0))
      throw new ArgumentError(
        `${where}: ${name} must be a ${positive ? 'positive' : 'non-negative'} finite number, got ${excerpt(v)}`,
      );
    return v;
  };
  const mode = options.mode ?? 'auto';
  if (mode !== 'full' && mode !== 'vjp' && mode !== 'auto')
    throw new ArgumentError(`${where}: mode must be 'full', 'vjp' or 'auto', got ${excerpt(mode)}`);
  const directions = options.directions ?? 3;
  if (!Number.isInteger(directions) || directions < 1)
    throw new ArgumentError(
      `${where}: directions must be a positive integer, got ${excerpt(directions)}`,
    );
  return {
    atol: num(options.atol, 1e-5, 'atol'),
    rtol: num(options.rtol, 1e-3, 'rtol'),
    eps: num(options.eps, 1e-6, 'eps', true),
    mode,
    maxFullElements: num(options.maxFullElements, 256, 'maxFullElements'),
    directions,
    seed: num(options.seed, 0, 'seed'),
    atol32: num(options.float32?.atol, 1e-4, 'float32.atol'),
    rtol32: num(options.float32?.rtol, 1e-3, 'float32.rtol'),
    throwOnFailure: options.throwOnFailure ?? false,
  };
}

/**
 * The inputs as a non-empty list of tensors. A tensor listed twice stands for two arguments:
 * from its second place on, a copy takes its place, so each place is checked on its own.
 */
export function checkInputs(inputs: Tensor | readonly Tensor[], where: string): Tensor[] {
  const list = inputs instanceof Tensor ? [inputs] : inputs;
  if (!Array.isArray(list) || list.length === 0)
    throw new ArgumentError(
      `${where}: inputs must be a Tensor or a non-empty list of tensors, got ${kindOf(inputs)}`,
    );
  const seen = new Set<Tensor>();
  return list.map((t, i) => {
    if (!(t instanceof Tensor))
      throw new ArgumentError(`${where}: inputs[${i}] must be a Tensor, got ${kindOf(t)}`);
    if (seen.has(t)) return new Tensor(t.data.slice(), t.shape);
    seen.add(t);
    return t;
  });
}

/** The indices of the inputs to check. */
export function pickArgs(argnums: GradCheckOptions['argnums'], n: number, where: string): number[] {
  const list = argnums === undefined ? [...Array(n).keys()] : [argnums].flat();
  for (const i of list) {
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new ArgumentError(`${where}: argnums must index the ${n} inputs, got ${excerpt(i)}`);
  }
  return list;
}

/** `names`, when given: one string per input. */
export function checkNames(
  names: readonly string[] | undefined,
  n: number,
  where: string,
): readonly string[] | undefined {
  if (names === undefined) return undefined;
  if (!Array.isArray(names) || names.length !== n || !names.every((v) => typeof v === 'string')) {
    throw new ArgumentError(
      `${where}: names must be a list of ${n} strings (one per input), got ${Array.isArray(names) ? `${names.length} entries` : typeof names}`,
    );
  }
  return names;
}
