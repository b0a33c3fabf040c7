import {
  ArgumentError,
  allocate,
  formatShape,
  GradError,
  Random,
  type TypedArray,
} from '../core/index.js';
import { gradients } from './backward.js';
import {
  checkInputs,
  checkNames,
  type Fn,
  type GradCheckOptions,
  pickArgs,
  type Settings,
  settings,
} from './gradCheckOptions.js';
import {
  compare,
  describeInput,
  finish,
  formatIndex,
  type GradCheckComparison,
  type GradCheckInputReport,
  type GradCheckReport,
} from './gradCheckReport.js';
import { twinsOf } from './gradCheckTwins.js';
import { Tensor } from './Tensor.js';

export {
  checkInputs,
  checkNames,
  type Fn,
  type GradCheckOptions,
  pickArgs,
  type Settings,
  settings,
} from './gradCheckOptions.js';
export { withTwins } from './gradCheckTwins.js';

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
  f: (...inputs: Tensor[]) => Tensor,
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
