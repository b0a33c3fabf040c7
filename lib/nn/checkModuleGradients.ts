import { type GradCheckOptions, gradCheck } from '../autograd/gradCheck.js';
import type { GradCheckReport } from '../autograd/gradCheckReport.js';
import type { Tensor } from '../autograd/index.js';
import { ArgumentError } from '../core/index.js';
import { Module } from './Module.js';

/** Every module of the tree under `m` (itself included), with its own training flag. */
function modes(m: Module): [Module, boolean][] {
  const out: [Module, boolean][] = [];
  const stack = [m];
  while (stack.length > 0) {
    const top = stack.pop() as Module;
    out.push([top, top.training]);
    for (const [, child] of top.namedChildren()) stack.push(child);
  }
  return out;
}

/**
 * Checks the gradients of `loss(model)` with respect to every parameter of `model` against
 * finite differences: `gradCheck` on the parameters themselves, perturbed in place and put back
 * (values, dtype, `.grad` untouched), with the parameters named in the report and its messages
 * (`gradient of input 0 ('fc.weight')`). The model runs in eval mode during the check (so that
 * `Dropout` draws no masks and repeated evaluations agree); each module's mode is restored.
 * A parameter the loss does not use is a `GradError`, as in `gradCheck`.
 *
 * @example
 * const net = mlp([3, 4, 1], { activation: 'tanh', seed: 0 });
 * checkModuleGradients(net, (m) => mse(m.forward(x), y)).passed;  // true
 */
export function checkModuleGradients<M extends Module>(
  model: M,
  loss: (model: M) => Tensor,
  options: Omit<GradCheckOptions, 'names'> = {},
): GradCheckReport {
  const where = 'checkModuleGradients';
  if (!(model instanceof Module)) {
    throw new ArgumentError(
      `${where}: model must be a Module, got ${model === null ? 'null' : typeof model}`,
    );
  }
  if (typeof loss !== 'function') {
    throw new ArgumentError(
      `${where}: loss must be a function (model) => Tensor, got ${typeof loss}`,
    );
  }
  if (options !== null && typeof options === 'object' && 'names' in options) {
    throw new ArgumentError(`${where}: the parameters' names are given by the model; drop names`);
  }
  const named = model.namedParameters();
  if (named.length === 0) {
    throw new ArgumentError(`${where}: the ${model.constructor.name} has no trainable parameters`);
  }
  const saved = modes(model);
  model.eval();
  try {
    return gradCheck(
      () => loss(model),
      named.map(([, p]) => p),
      { ...options, names: named.map(([name]) => name) },
    );
  } finally {
    for (const [m, training] of saved) m.training = training;
  }
}
