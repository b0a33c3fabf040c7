import { ArgumentError, allocate, Random, type TypedArray } from '../core/index.js';
import { gradients } from './backward.js';
import {
  compare,
  describeInput,
  finish,
  formatIndex,
  type GradCheckInputReport,
  type GradCheckReport,
  type Tolerances,
} from './gradCheckReport.js';
import { Tensor } from './Tensor.js';

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
  float32?: { atol?: number; rtol?: number };
  /** Throw a `GradError` carrying the failure message instead of returning a failed report. */
  throwOnFailure?: boolean;
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
  const num = (v: number | undefined, dflt: number, name: string, positive = false): number => {
    if (v === undefined) return dflt;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (positive && v === 0))
      throw new ArgumentError(
        `${where}: ${name} must be a ${positive ? 'positive' : 'non-negative'} finite number, got ${v}`,
      );
    return v;
  };
  const mode = options.mode ?? 'auto';
  if (mode !== 'full' && mode !== 'vjp' && mode !== 'auto')
    throw new ArgumentError(
      `${where}: mode must be 'full', 'vjp' or 'auto', got ${JSON.stringify(mode)}`,
    );
  const directions = options.directions ?? 3;
  if (!Number.isInteger(directions) || directions < 1)
    throw new ArgumentError(`${where}: directions must be a positive integer, got ${directions}`);
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

/** The inputs as a non-empty list of tensors. */
export function checkInputs(inputs: Tensor | readonly Tensor[], where: string): Tensor[] {
  const list = inputs instanceof Tensor ? [inputs] : inputs;
  if (!Array.isArray(list) || list.length === 0)
    throw new ArgumentError(`${where}: inputs must be a Tensor or a non-empty list of tensors`);
  list.forEach((t, i) => {
    if (!(t instanceof Tensor))
      throw new ArgumentError(`${where}: inputs[${i}] must be a Tensor, got ${typeof t}`);
  });
  return [...list];
}

/** The indices of the inputs to check. */
export function pickArgs(argnums: GradCheckOptions['argnums'], n: number, where: string): number[] {
  const list = argnums === undefined ? [...Array(n).keys()] : [argnums].flat();
  for (const i of list) {
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new ArgumentError(`${where}: argnums must index the ${n} inputs, got ${i}`);
  }
  return list;
}

/** f(...xs), which must be a Tensor. */
export function call(f: Fn, xs: Tensor[], where: string): Tensor {
  const y = f(...xs);
  if (!(y instanceof Tensor))
    throw new ArgumentError(`${where}: f must return a Tensor, got ${typeof y}`);
  return y;
}

function dot(a: TypedArray, b: TypedArray): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** n standard normal samples. */
export function normals(rng: Random, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal();
  return out;
}

/** d⟨c, f(xs)⟩/d(xs[i]) for every picked i (zeros where f does not depend on an input). */
function vjp(f: Fn, xs: Tensor[], picked: number[], c: Float64Array, where: string): TypedArray[] {
  const leaves = xs.map(
    (x, i) => new Tensor(x.data, x.shape, { requiresGrad: picked.includes(i) }),
  );
  const y = call(f, leaves, where);
  const seed = allocate(y.dtype, y.size);
  seed.set(c);
  const grads = y.requiresGrad
    ? gradients(y, new Tensor(seed, y.shape), { targets: leaves })
    : new Map<Tensor, Tensor>();
  return picked.map((i) => grads.get(leaves[i])?.data ?? allocate(xs[i].dtype, xs[i].size));
}

/** The float64 copies that finite differences perturb (float32 inputs are checked through them). */
export function float64Copies(xs: Tensor[]): Tensor[] {
  return xs.map((x) => new Tensor(Float64Array.from(x.data), x.shape));
}

/** What both checking modes share: f, the float64 copies they perturb, and the settings. */
interface Context {
  readonly x64: Tensor[];
  readonly s: Settings;
  /** ⟨c, f(x64)⟩ at the current values of x64. */
  readonly project: (c: Float64Array) => number;
}

/** 'full' mode: one central difference per element of input i, against the analytic Jᵀc. */
function fullCheck(ctx: Context, i: number, analytic: TypedArray, c: Float64Array) {
  const data = ctx.x64[i].data;
  const numeric = new Float64Array(data.length);
  for (let j = 0; j < data.length; j++) {
    const v = data[j];
    const h = ctx.s.eps * Math.max(1, Math.abs(v));
    const xp = v + h;
    const xm = v - h;
    data[j] = xp;
    const fp = ctx.project(c);
    data[j] = xm;
    const fm = ctx.project(c);
    data[j] = v;
    // NOTE: divide by the step actually taken, xp − xm after rounding, not 2h
    numeric[j] = (fp - fm) / (xp - xm);
  }
  const shape = ctx.x64[i].shape;
  return compare(analytic, numeric, ctx.s.atol, ctx.s.rtol, (k) => formatIndex(k, shape));
}

/** 'vjp' mode: ⟨t, Jᵀc⟩ against (⟨c, f(x + εt)⟩ − ⟨c, f(x − εt)⟩)/2ε for random directions t. */
function vjpCheck(ctx: Context, i: number, grads: TypedArray[], cs: Float64Array[], rng: Random) {
  const data = ctx.x64[i].data;
  const saved = Float64Array.from(data);
  let scale = 1;
  for (let j = 0; j < data.length; j++) scale = Math.max(scale, Math.abs(data[j]));
  const h = ctx.s.eps * scale;
  const analytic = new Float64Array(cs.length);
  const numeric = new Float64Array(cs.length);
  for (let k = 0; k < cs.length; k++) {
    const t = normals(rng, data.length);
    for (let j = 0; j < data.length; j++) data[j] = saved[j] + h * t[j];
    const fp = ctx.project(cs[k]);
    let along = 0;
    for (let j = 0; j < data.length; j++) {
      const xp = data[j];
      data[j] = saved[j] - h * t[j];
      // NOTE: the analytic side uses the displacement actually taken, (xp − xm)/2h
      along += ((xp - data[j]) / (2 * h)) * grads[k][j];
    }
    const fm = ctx.project(cs[k]);
    data.set(saved);
    analytic[k] = along;
    numeric[k] = (fp - fm) / (2 * h);
  }
  return compare(analytic, numeric, ctx.s.atol, ctx.s.rtol, (k) => `direction ${k}`);
}

/** Runs the checks of the picked inputs; `gradientOf` labels them in gradGradCheck. */
export function runChecks(
  f: Fn,
  xs: Tensor[],
  picked: number[],
  s: Settings,
  where: string,
  gradientOf?: number,
) {
  const x64 = float64Copies(xs);
  const y0 = call(f, x64, where);
  const rng = new Random(s.seed);
  const biggest = Math.max(...picked.map((i) => xs[i].size));
  const mode = s.mode === 'auto' ? (biggest <= s.maxFullElements ? 'full' : 'vjp') : s.mode;
  const cotangent = () => (y0.size === 1 ? new Float64Array(1).fill(1) : normals(rng, y0.size));
  const ctx: Context = { x64, s, project: (c) => dot(call(f, x64, where).data, c) };
  const head = (i: number) => ({
    input: i,
    shape: xs[i].shape,
    dtype: xs[i].dtype,
    ...(gradientOf === undefined ? {} : { gradientOf }),
  });
  const cs = Array.from({ length: mode === 'full' ? 1 : s.directions }, cotangent);
  const grads = cs.map((c) => vjp(f, x64, picked, c, where));
  const fds = picked.map((i, p) =>
    mode === 'full'
      ? fullCheck(ctx, i, grads[0][p], cs[0])
      : vjpCheck(
          ctx,
          i,
          grads.map((g) => g[p]),
          cs,
          rng,
        ),
  );
  const reports: GradCheckInputReport[] = picked.map((i, p) => ({ ...head(i), ...fds[p] }));
  if (picked.some((i) => xs[i].dtype === 'float32')) {
    const g32 = vjp(f, xs, picked, cs[0], where);
    picked.forEach((i, p) => {
      if (xs[i].dtype !== 'float32') return;
      const twin = compare(g32[p], grads[0][p], s.atol32, s.rtol32, (k) =>
        formatIndex(k, xs[i].shape),
      );
      reports[p] = { ...reports[p], float32: twin, passed: fds[p].passed && twin.passed };
    });
  }
  const lines = reports.flatMap((r, p) => describeInput(r, fds[p], s, where));
  return { mode, reports, lines } as const;
}

/**
 * Checks the gradients of `f` at `inputs` against central finite differences in float64.
 * A non-scalar output is contracted with a random cotangent c, so what is checked is Jᵀc.
 * `'full'` mode perturbs each element (step eps·max(1,|x|), divided by the step actually
 * taken); `'vjp'` mode compares ⟨t, Jᵀc⟩ with (⟨c, f(x + εt)⟩ − ⟨c, f(x − εt)⟩)/2ε for random
 * t, whatever the size. Float32 inputs are differenced through float64 copies, and their
 * float32 gradient is compared with the float64 gradient of the same graph.
 * Pass when |analytic − numeric| ≤ atol + rtol·|numeric| (defaults 1e-5, 1e-3).
 *
 * @example
 * const report = gradCheck((x) => sum(tanh(x)), [randn([3, 4])]);
 * report.passed; // true; report.inputs[0].maxAbsError ≈ 1e-10
 */
export function gradCheck(
  f: Fn,
  inputs: Tensor | readonly Tensor[],
  options: GradCheckOptions = {},
): GradCheckReport {
  const where = 'gradCheck';
  if (typeof f !== 'function') throw new ArgumentError(`${where}: f must be a function`);
  const s = settings(options, where);
  const xs = checkInputs(inputs, where);
  const picked = pickArgs(options.argnums, xs.length, where);
  const { mode, reports, lines } = runChecks(f, xs, picked, s, where);
  return finish(mode, reports, lines, s);
}
