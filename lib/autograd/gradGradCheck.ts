import { ArgumentError, allocate, Random } from '../core/index.js';
import { gradients } from './backward.js';
import {
  call,
  checkInputs,
  checkNames,
  type Fn,
  type GradCheckOptions,
  normals,
  pickArgs,
  runChecks,
  settings,
  withTwins,
} from './gradCheck.js';
import { finish, type GradCheckInputReport, type GradCheckReport } from './gradCheckReport.js';
import { Tensor } from './Tensor.js';

/**
 * The gradient of ⟨c, f(xs)⟩ with respect to xs[k], as a differentiable function of xs: what
 * gradGradCheck differentiates once more.
 */
function gradientFunction(f: Fn, k: number, c: Float64Array, where: string): Fn {
  return (...xs: Tensor[]) => {
    const y = call(f, xs, where);
    const seed = allocate(y.dtype, y.size);
    seed.set(c);
    // NOTE: the inputs are the check's own tensors (they require grad); recording this backward
    // pass (createGraph) keeps the gradient connected to them, as grad(grad(f)) does.
    const grads = y.requiresGrad
      ? gradients(y, new Tensor(seed, y.shape), { createGraph: true, targets: xs })
      : new Map<Tensor, Tensor>();
    return grads.get(xs[k]) ?? new Tensor(allocate(xs[k].dtype, xs[k].size), xs[k].shape);
  };
}

/**
 * Second-order check: for each input k, differentiates (with `createGraph`) the gradient
 * Jᵀc of input k, as a function of all inputs, and checks it with `gradCheck`'s method (the
 * inputs perturbed in place, as there). A gradient that does not depend on some input (f is
 * linear in it) is checked as zero, not refused.
 *
 * @example gradGradCheck((x) => sum(pow(x, 3)), [tensor([1, 2])]).passed  // true
 */
export function gradGradCheck(
  f: (...inputs: Tensor[]) => Tensor,
  inputs: Tensor | readonly Tensor[],
  options: GradCheckOptions = {},
): GradCheckReport {
  const where = 'gradGradCheck';
  if (typeof f !== 'function') throw new ArgumentError(`${where}: f must be a function`);
  const s = settings(options, where);
  const xs = checkInputs(inputs, where);
  const picked = pickArgs(options.argnums, xs.length, where);
  const names = checkNames(options.names, xs.length, where);
  const size = withTwins(xs, picked, () => call(f, xs, where).size);
  const rng = new Random(s.seed + 1);
  const c = size === 1 ? new Float64Array(1).fill(1) : normals(rng, size);
  const reports: GradCheckInputReport[] = [];
  const lines: string[] = [];
  let mode: 'full' | 'vjp' = 'full';
  for (const k of picked) {
    const r = runChecks(gradientFunction(f, k, c, where), xs, picked, s, where, {
      gradientOf: k,
      names,
    });
    mode = r.mode;
    reports.push(...r.reports);
    lines.push(...r.lines);
  }
  return finish(mode, reports, lines, s);
}
