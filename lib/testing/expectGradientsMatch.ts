import { type GradCheckOptions, gradCheck } from '../autograd/gradCheck.js';
import type { GradCheckReport } from '../autograd/gradCheckReport.js';
import type { Tensor } from '../autograd/index.js';

/**
 * Asserts that the gradients of `f` at `inputs` match finite differences (`gradCheck` in its
 * throwing mode): throws a `GradError` naming the input and the worst element otherwise.
 * Returns the report, so it also works as the body of a fast-check property.
 *
 * @example
 * fc.assert(fc.property(arbTensor(), (x) => {
 *   expectGradientsMatch((t) => sum(tanh(t)), [x]);
 * }));
 */
export function expectGradientsMatch(
  f: (...inputs: Tensor[]) => Tensor,
  inputs: Tensor | readonly Tensor[],
  options: GradCheckOptions = {},
): GradCheckReport {
  return gradCheck(f, inputs, { ...options, throwOnFailure: true });
}
