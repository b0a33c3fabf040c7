import {
  ArgumentError,
  allocate,
  checkOptions,
  excerpt,
  formatShape,
  GradError,
  kindOf,
  Random,
  type TypedArray,
} from '../core/index.js';
import { gradients } from './backward.js';
import {
  compare,
  describeInput,
  finish,
  formatIndex,
  type GradCheckComparison,
  type GradCheckInputReport,
  type GradCheckReport,
  type Tolerances,
} from './gradCheckReport.js';
import { replaceStorage, Tensor } from './Tensor.js';

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

/**
 * The inputs themselves, turned for the length of a check into what it differentiates and
 * perturbs: picked inputs require grad, and float32 inputs hold a float64 copy of their values
 * (`use64`, their float64 twin) or their own storage (`use32`). `restore` puts back storage,
 * values and `requiresGrad` exactly as they were.
 * NOTE: the tensors are changed in place, not copied, so that a function that closes over them
 * (a loss of a Module's parameters) sees the perturbation as much as one that uses its arguments.
 */
export interface Twins {
  use64(): void;
  use32(): void;
  restore(): void;
}

export function twinsOf(xs: readonly Tensor[], picked: readonly number[]): Twins {
  const saved = xs.map((t) => ({
    t,
    data: t.data,
    values: t.data.slice(),
    wide: t.dtype === 'float32' ? Float64Array.from(t.data) : null,
    requiresGrad: t.requiresGrad,
  }));
  for (const i of picked) xs[i].requiresGrad = true;
  return {
    use64: () => {
      for (const s of saved) if (s.wide) replaceStorage(s.t, s.wide);
    },
    use32: () => {
      for (const s of saved) if (s.wide) replaceStorage(s.t, s.data);
    },
    restore: () => {
      for (const s of saved) {
        replaceStorage(s.t, s.data);
        s.data.set(s.values);
        s.t.requiresGrad = s.requiresGrad;
      }
    },
  };
}

/** Runs `body` on the float64 twins of the inputs (see `twinsOf`), restoring them afterwards. */
export function withTwins<T>(xs: readonly Tensor[], picked: readonly number[], body: () => T): T {
  const twins = twinsOf(xs, picked);
  try {
    twins.use64();
    return body();
  } finally {
    twins.restore();
  }
}

/** d⟨c, f(xs)⟩/d(xs[i]) for every picked i (zeros where f does not depend on an input), and whether the graph reached it. */
function vjp(
  f: Fn,
  xs: Tensor[],
  picked: number[],
  c: Float64Array,
  where: string,
): { grads: TypedArray[]; reached: boolean[] } {
  const y = call(f, xs, where);
  const seed = allocate(y.dtype, y.size);
  seed.set(c);
  const targets = picked.map((i) => xs[i]);
  const map = y.requiresGrad
    ? gradients(y, new Tensor(seed, y.shape), { targets })
    : new Map<Tensor, Tensor>();
  return {
    grads: targets.map((x) => map.get(x)?.data ?? allocate(x.dtype, x.size)),
    reached: targets.map((x) => map.has(x)),
  };
}

/** What both checking modes share: the inputs (as float64 twins), and the settings. */
interface Context {
  readonly xs: Tensor[];
  readonly s: Settings;
  /** ⟨c, f(xs)⟩ at the current values of xs. */
  readonly project: (c: Float64Array) => number;
}

/** A comparison, and whether every finite difference was exactly 0 (moving the input changed nothing). */
interface Checked {
  readonly comparison: GradCheckComparison;
  readonly inert: boolean;
}

/** 'full' mode: one central difference per element of input i, against the analytic Jᵀc. */
function fullCheck(ctx: Context, i: number, analytic: TypedArray, c: Float64Array): Checked {
  const data = ctx.xs[i].data;
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
  const shape = ctx.xs[i].shape;
  return {
    comparison: compare(analytic, numeric, ctx.s.atol, ctx.s.rtol, (k) => formatIndex(k, shape)),
    inert: numeric.every((v) => v === 0),
  };
}

/** 'vjp' mode: ⟨t, Jᵀc⟩ against (⟨c, f(x + εt)⟩ − ⟨c, f(x − εt)⟩)/2ε for random directions t. */
function vjpCheck(
  ctx: Context,
  i: number,
  grads: TypedArray[],
  cs: Float64Array[],
  rng: Random,
): Checked {
  const data = ctx.xs[i].data;
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
  return {
    comparison: compare(analytic, numeric, ctx.s.atol, ctx.s.rtol, (k) => `direction ${k}`),
    inert: numeric.every((v) => v === 0),
  };
}

/** How an input is named in messages: `input 2`, or `input 2 ('fc.weight')` when named. */
export function inputLabel(i: number, names: readonly string[] | undefined): string {
  return names?.[i] === undefined ? `input ${i}` : `input ${i} ('${names[i]}')`;
}

/**
 * Runs the checks of the picked inputs; `gradientOf` labels them in gradGradCheck. With
 * `refuseInert`, an input that f's output does not depend on at all (no recorded path, and
 * moving it changes nothing) is a `GradError`: its check would pass whatever the gradient code.
 */
export function runChecks(
  f: Fn,
  xs: Tensor[],
  picked: number[],
  s: Settings,
  where: string,
  options: { gradientOf?: number; refuseInert?: boolean; names?: readonly string[] } = {},
) {
  const { gradientOf, refuseInert = false, names } = options;
  const dtypes = xs.map((x) => x.dtype);
  const twins = twinsOf(xs, picked);
  try {
    twins.use64();
    const y0 = call(f, xs, where);
    const rng = new Random(s.seed);
    const biggest = Math.max(...picked.map((i) => xs[i].size));
    const mode = s.mode === 'auto' ? (biggest <= s.maxFullElements ? 'full' : 'vjp') : s.mode;
    const cotangent = () => (y0.size === 1 ? new Float64Array(1).fill(1) : normals(rng, y0.size));
    const ctx: Context = { xs, s, project: (c) => dot(call(f, xs, where).data, c) };
    const head = (i: number) => ({
      input: i,
      shape: xs[i].shape,
      dtype: dtypes[i],
      ...(names?.[i] === undefined ? {} : { name: names[i] }),
      ...(gradientOf === undefined ? {} : { gradientOf }),
    });
    const cs = Array.from({ length: mode === 'full' ? 1 : s.directions }, cotangent);
    const analytic = cs.map((c) => vjp(f, xs, picked, c, where));
    const fds = picked.map((i, p) =>
      mode === 'full'
        ? fullCheck(ctx, i, analytic[0].grads[p], cs[0])
        : vjpCheck(
            ctx,
            i,
            analytic.map((a) => a.grads[p]),
            cs,
            rng,
          ),
    );
    if (refuseInert) {
      picked.forEach((i, p) => {
        if (fds[p].inert && !analytic.some((a) => a.reached[p])) {
          throw new GradError(
            `${where}: ${inputLabel(i, names)} (shape ${formatShape(xs[i].shape)}) has no effect on f's output, so its check could not fail: expected f to compute with the tensors passed (its arguments, or a closure over them such as a Module's parameters), got no recorded op that uses it and no change when it moves; argnums can leave it out`,
          );
        }
      });
    }
    const reports: GradCheckInputReport[] = picked.map((i, p) => ({
      ...head(i),
      ...fds[p].comparison,
    }));
    if (picked.some((i) => dtypes[i] === 'float32')) {
      twins.use32();
      const g32 = vjp(f, xs, picked, cs[0], where).grads;
      picked.forEach((i, p) => {
        if (dtypes[i] !== 'float32') return;
        const twin = compare(g32[p], analytic[0].grads[p], s.atol32, s.rtol32, (k) =>
          formatIndex(k, xs[i].shape),
        );
        reports[p] = {
          ...reports[p],
          float32: twin,
          passed: fds[p].comparison.passed && twin.passed,
        };
      });
    }
    const lines = reports.flatMap((r, p) => describeInput(r, fds[p].comparison, s, where));
    return { mode, reports, lines } as const;
  } finally {
    twins.restore();
  }
}

/**
 * Checks the gradients of `f` at `inputs` against central finite differences in float64.
 * A non-scalar output is contracted with a random cotangent c, so what is checked is Jᵀc.
 * `'full'` mode perturbs each element (step eps·max(1,|x|), divided by the step actually
 * taken); `'vjp'` mode compares ⟨t, Jᵀc⟩ with (⟨c, f(x + εt)⟩ − ⟨c, f(x − εt)⟩)/2ε for random
 * t, whatever the size. Pass when |analytic − numeric| ≤ atol + rtol·|numeric| (defaults 1e-5, 1e-3).
 *
 * The inputs themselves are perturbed, in place, and passed to `f`; afterwards their values,
 * dtype and `requiresGrad` are as before and their `.grad` is untouched. So `f` may use its
 * arguments or close over the tensors, as a loss of a Module's parameters does (see
 * `checkModuleGradients`). A float32 input holds a float64 copy of its values while it is
 * differenced (its float64 twin), and its float32 gradient is compared with the twin's.
 *
 * An input that `f`'s output does not depend on at all (no recorded op uses it and moving it
 * changes nothing) is a `GradError`: its check could not fail. PyTorch's gradcheck passes it.
 *
 * @example
 * const report = gradCheck((x) => sum(tanh(x)), [randn([3, 4])]);
 * report.passed; // true; report.inputs[0].maxAbsError ≈ 1e-10
 * gradCheck(() => mse(net.forward(x), y), net.parameters()).passed; // a closure works too
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
  const names = checkNames(options.names, xs.length, where);
  const { mode, reports, lines } = runChecks(f, xs, picked, s, where, {
    refuseInert: true,
    names,
  });
  return finish(mode, reports, lines, s);
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
