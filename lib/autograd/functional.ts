import {
  ArgumentError,
  allocate,
  excerpt,
  GradError,
  kindOf,
  type TypedArray,
} from '../core/index.js';
import { gradients } from './backward.js';
import { isGradEnabled, withGradMode } from './gradMode.js';
import { fromOp, Tensor } from './Tensor.js';

/** Which arguments to differentiate with respect to: one index (default 0) or several. */
export type ArgNums = number | readonly number[];

/** What `grad` returns for `argnums` `A`: one gradient for one index, a list for a list of indices. */
export type GradOf<A extends ArgNums> = A extends number ? Tensor : Tensor[];

function prepare(
  args: readonly Tensor[],
  argnums: ArgNums,
  where: string,
): { inputs: Tensor[]; picked: number[] } {
  const picked = typeof argnums === 'number' ? [argnums] : [...argnums];
  for (const i of picked) {
    if (!Number.isInteger(i) || i < 0 || i >= args.length) {
      throw new ArgumentError(
        `${where}: argnums must index the ${args.length} arguments, got ${excerpt(i)}`,
      );
    }
  }
  const inputs = args.map((a, i) => {
    if (!(a instanceof Tensor))
      throw new ArgumentError(`${where}: argument ${i} must be a Tensor, got ${kindOf(a)}`);
    if (!picked.includes(i)) return a;
    // NOTE: an argument that is already in a graph (an outer grad is tracing it) gets an identity
    // node, so this level's gradient stays a differentiable function of it: grad(grad(f)) works.
    return a.requiresGrad && isGradEnabled()
      ? fromOp('identity', a.data, a.shape, [a], (g) => [g])
      : new Tensor(a.data, a.shape, { requiresGrad: true });
  });
  return { inputs, picked };
}

/**
 * JAX-style: returns a function that computes `f(...args)` and its gradient with respect to the
 * arguments picked by `argnums` (default the first). `f` must return a scalar. The arguments'
 * own `.grad` fields are not touched.
 *
 * Inside `noGrad` the gradient is still computed (f is recorded for the moment, as with
 * `torch.enable_grad()` inside `torch.no_grad()`; JAX has no such mode): asking for a gradient
 * is explicit. The value and the gradient then come back as plain tensors, recorded nowhere.
 *
 * @example
 * const [y, dy] = valueAndGrad((x: Tensor) => sum(square(x)))(tensor([1, 2]));  // dy = [2, 4]
 */
export function valueAndGrad<A extends ArgNums = 0>(
  f: (...args: Tensor[]) => Tensor,
  argnums?: A,
): (...args: Tensor[]) => [Tensor, GradOf<A>] {
  return differentiate(f, argnums, 'valueAndGrad');
}

/** valueAndGrad, with errors naming `where` (`grad` or `valueAndGrad`). */
function differentiate<A extends ArgNums = 0>(
  f: (...args: Tensor[]) => Tensor,
  argnums: A | undefined,
  where: string,
): (...args: Tensor[]) => [Tensor, GradOf<A>] {
  if (typeof f !== 'function') {
    throw new ArgumentError(`${where}: f must be a function of tensors, got ${kindOf(f)}`);
  }
  const nums: ArgNums = argnums ?? 0;
  if (typeof nums !== 'number' && !Array.isArray(nums)) {
    throw new ArgumentError(
      `${where}: argnums must be an index or a list of indices, got ${kindOf(nums)}`,
    );
  }
  return (...args: Tensor[]) => {
    const { inputs, picked } = prepare(args, nums, where);
    const outer = isGradEnabled();
    const y = withGradMode(true, () => f(...inputs));
    if (!(y instanceof Tensor))
      throw new GradError(`${where}: f must return a Tensor, got ${kindOf(y)}`);
    if (y.size !== 1) {
      throw new GradError(
        `${where}: f must return a scalar (one element), got shape [${y.shape.join(',')}]`,
      );
    }
    const createGraph = outer && args.some((a) => a.requiresGrad);
    const grads = y.requiresGrad
      ? gradients(y, undefined, { createGraph, targets: picked.map((i) => inputs[i]) })
      : new Map<Tensor, Tensor>();
    const out = picked.map((i) => {
      const x = inputs[i];
      return grads.get(x) ?? new Tensor(allocate(x.dtype, x.size) as TypedArray, x.shape);
    });
    return [outer ? y : y.detach(), (typeof nums === 'number' ? out[0] : out) as GradOf<A>];
  };
}

/**
 * JAX-style: the gradient function of a scalar function of tensors. Nest it for higher orders:
 * `grad(x => grad(f)(x).sum())`. Inside `noGrad` it still differentiates (see `valueAndGrad`).
 *
 * @example
 * grad((x: Tensor) => sum(pow(x, 3)))(tensor([2]));  // [12]
 */
export function grad<A extends ArgNums = 0>(
  f: (...args: Tensor[]) => Tensor,
  argnums?: A,
): (...args: Tensor[]) => GradOf<A> {
  const vg = differentiate(f, argnums, 'grad');
  return (...args: Tensor[]) => vg(...args)[1];
}
