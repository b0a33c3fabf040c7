import { ArgumentError, allocate, Random } from '../core/index.js';
import { gradients } from './backward.js';
import {
  call,
  checkInputs,
  type Fn,
  float64Copies,
  type GradCheckOptions,
  normals,
  pickArgs,
  runChecks,
  settings,
} from './gradCheck.js';
import { finish, type GradCheckInputReport, type GradCheckReport } from './gradCheckReport.js';
import { fromOp, Tensor } from './Tensor.js';

/**
 * The gradient of ⟨c, f(xs)⟩ with respect to xs[k], as a differentiable function of xs: what
 * gradGradCheck differentiates once more.
 */
function gradientFunction(f: Fn, k: number, c: Float64Array, where: string): Fn {
  return (...xs: Tensor[]) => {
    // NOTE: an input that the outer check is tracing gets an identity node, so this gradient
    // stays connected to it (the same trick as grad(grad(f))).
    const leaves = xs.map((x) =>
      x.requiresGrad
        ? fromOp('identity', x.data, x.shape, [x], (g) => [g])
        : new Tensor(x.data, x.shape, { requiresGrad: true }),
    );
    const y = call(f, leaves, where);
    const seed = allocate(y.dtype, y.size);
    seed.set(c);
    const grads = y.requiresGrad
      ? gradients(y, new Tensor(seed, y.shape), { createGraph: true, targets: leaves })
      : new Map<Tensor, Tensor>();
    return grads.get(leaves[k]) ?? new Tensor(allocate(xs[k].dtype, xs[k].size), xs[k].shape);
  };
}

/**
 * Second-order check: for each input k, differentiates (with `createGraph`) the gradient
 * Jᵀc of input k, as a function of all inputs, and checks it with `gradCheck`'s method.
 *
 * @example gradGradCheck((x) => sum(pow(x, 3)), [tensor([1, 2])]).passed  // true
 */
export function gradGradCheck(
  f: Fn,
  inputs: Tensor | readonly Tensor[],
  options: GradCheckOptions = {},
): GradCheckReport {
  const where = 'gradGradCheck';
  if (typeof f !== 'function') throw new ArgumentError(`${where}: f must be a function`);
  const s = settings(options, where);
  const xs = checkInputs(inputs, where);
  const picked = pickArgs(options.argnums, xs.length, where);
  const y = call(f, float64Copies(xs), where);
  const rng = new Random(s.seed + 1);
  const c = y.size === 1 ? new Float64Array(1).fill(1) : normals(rng, y.size);
  const reports: GradCheckInputReport[] = [];
  const lines: string[] = [];
  let mode: 'full' | 'vjp' = 'full';
  for (const k of picked) {
    const r = runChecks(gradientFunction(f, k, c, where), xs, picked, s, where, k);
    mode = r.mode;
    reports.push(...r.reports);
    lines.push(...r.lines);
  }
  return finish(mode, reports, lines, s);
}
