import {
  ArgumentError,
  allocate,
  DTypeError,
  excerpt,
  formatShape,
  GradError,
  ShapeError,
  shapesEqual,
} from '../core/index.js';
import { withGradMode } from './gradMode.js';
import { sealedTensor, Tensor } from './Tensor.js';

/** Options of `Tensor.backward`. */
export interface BackwardOptions {
  /** Record the backward pass so the gradients can be differentiated again. Default false. */
  createGraph?: boolean;
}

type Add = (a: Tensor, b: Tensor) => Tensor;
let addGrads: Add | null = null;

/**
 * Installs the (differentiable) addition used to sum gradient contributions.
 * NOTE: `add` lives in ops/, above this layer; lib/install.ts hands it down.
 */
export function setGradAccumulator(add: Add): void {
  addGrads = add;
}

function accumulate(a: Tensor | undefined | null, b: Tensor): Tensor {
  if (!a) return b;
  if (!addGrads)
    throw new GradError(
      'backward: no gradient accumulator registered (import rxgrad from one of its entry points)',
    );
  return addGrads(a, b);
}

/** Tensors that `root` depends on through recorded ops, in topological order (inputs first). Iterative: no recursion. */
export function topoSort(root: Tensor, stopAt?: ReadonlySet<Tensor>): Tensor[] {
  const order: Tensor[] = [];
  const seen = new Set<Tensor>([root]);
  const stack: [Tensor, number][] = [[root, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [t, i] = top;
    const inputs = t.node && !stopAt?.has(t) ? t.node.inputs : [];
    if (i < inputs.length) {
      top[1] = i + 1;
      const next = inputs[i];
      if (next.requiresGrad && !seen.has(next)) {
        seen.add(next);
        stack.push([next, 0]);
      }
    } else {
      stack.pop();
      order.push(t);
    }
  }
  return order;
}

function checkSeed(root: Tensor, seed: Tensor | undefined): Tensor {
  if (seed === undefined) {
    if (root.size !== 1) {
      throw new GradError(
        `backward: the output has shape ${formatShape(root.shape)}; backward() without a seed needs a scalar (one element), pass a seed tensor of the output's shape`,
      );
    }
    return sealedTensor(allocate(root.dtype, 1).fill(1), root.shape);
  }
  if (!shapesEqual(seed.shape, root.shape)) {
    throw new ShapeError(
      `backward: seed must have the output's shape ${formatShape(root.shape)}, got ${formatShape(seed.shape)}`,
    );
  }
  if (seed.dtype !== root.dtype) {
    throw new DTypeError(
      `backward: seed must have the output's dtype ${root.dtype}, got ${seed.dtype}`,
    );
  }
  return seed;
}

function describeArg(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `string ${excerpt(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'object') return `an object with keys ${Object.keys(v).join(', ') || '(none)'}`;
  return `${typeof v} ${String(v)}`;
}

/** Checks backward's options object: only `createGraph`, a boolean. */
function checkOptions(options: unknown): BackwardOptions {
  if (options === undefined) return {};
  const known = ['createGraph'];
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError(
      `backward: options must be { createGraph }, got ${describeArg(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ArgumentError(
        `backward: unknown option '${key}'; known options are ${known.join(', ')}`,
      );
    }
  }
  const { createGraph } = options as BackwardOptions;
  if (createGraph !== undefined && typeof createGraph !== 'boolean') {
    throw new ArgumentError(
      `backward: createGraph must be true or false, got ${describeArg(createGraph)}`,
    );
  }
  return options as BackwardOptions;
}

/**
 * The seed and options of `tensor.backward(seedOrOptions?, options?)`: a Tensor seed, a number
 * (for a one-element output, as PyTorch's `backward(gradient)` of a scalar), or the options.
 * Anything else is an `ArgumentError`, never silently ignored.
 */
export function backwardArguments(
  root: Tensor,
  seedOrOptions: unknown,
  options: unknown,
): { seed: Tensor | undefined; options: BackwardOptions } {
  if (seedOrOptions instanceof Tensor)
    return { seed: seedOrOptions, options: checkOptions(options) };
  if (typeof seedOrOptions === 'number') {
    if (root.size !== 1) {
      throw new ArgumentError(
        `backward: a number seed needs a one-element output, got shape ${formatShape(root.shape)}; pass a seed tensor of that shape`,
      );
    }
    const seed = sealedTensor(allocate(root.dtype, 1).fill(seedOrOptions), root.shape);
    return { seed, options: checkOptions(options) };
  }
  if (seedOrOptions === undefined) return { seed: undefined, options: checkOptions(options) };
  if (
    seedOrOptions !== null &&
    typeof seedOrOptions === 'object' &&
    !Array.isArray(seedOrOptions)
  ) {
    if (options !== undefined) {
      throw new ArgumentError(
        `backward: expected (seed, options) or (options), got options followed by ${describeArg(options)}`,
      );
    }
    return { seed: undefined, options: checkOptions(seedOrOptions) };
  }
  throw new ArgumentError(
    `backward: seed must be a Tensor of the output's shape ${formatShape(root.shape)} (or a number for a one-element output), got ${describeArg(seedOrOptions)}`,
  );
}

/**
 * Runs reverse mode from `root` and returns d(root)/d(t) contracted with `seed` for every
 * tensor visited. When `targets` is given the walk stops at them (they are treated as leaves).
 */
export function gradients(
  root: Tensor,
  seed: Tensor | undefined,
  options: BackwardOptions & { targets?: readonly Tensor[] } = {},
): Map<Tensor, Tensor> {
  if (!root.requiresGrad) {
    throw new GradError(
      'backward: this tensor does not require grad; no input of the computation that produced it has requiresGrad set (or it was computed under noGrad)',
    );
  }
  const g0 = checkSeed(root, seed);
  const stopAt = options.targets ? new Set(options.targets) : undefined;
  return withGradMode(options.createGraph ?? false, () => {
    const order = topoSort(root, stopAt);
    const grads = new Map<Tensor, Tensor>([[root, g0]]);
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i];
      const g = grads.get(t);
      if (!g || !t.node || stopAt?.has(t)) continue;
      const { op, inputs, vjp } = t.node;
      const gs = vjp(g, t);
      for (let j = 0; j < inputs.length; j++) {
        const x = inputs[j];
        const gx = gs[j];
        if (!x.requiresGrad || !gx) continue;
        if (!shapesEqual(gx.shape, x.shape) || gx.dtype !== x.dtype) {
          throw new GradError(
            `${op}: gradient of input ${j} has shape ${formatShape(gx.shape)} ${gx.dtype}, expected the input's ${formatShape(x.shape)} ${x.dtype}`,
          );
        }
        grads.set(x, accumulate(grads.get(x), gx));
      }
    }
    return grads;
  });
}

/** `root.backward(seed)`: adds each gradient into `.grad` of every tensor that requires it. */
export function backward(
  root: Tensor,
  seed: Tensor | undefined,
  options: BackwardOptions = {},
): void {
  const grads = gradients(root, seed, options);
  withGradMode(options.createGraph ?? false, () => {
    for (const [t, g] of grads) t.grad = accumulate(t.grad, g);
  });
}
