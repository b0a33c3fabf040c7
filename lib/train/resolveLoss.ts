import type { Tensor } from '../autograd/index.js';
import { ArgumentError } from '../core/index.js';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  mse,
  nll,
  sse,
} from '../ops/index.js';

/** A loss: a scalar tensor from the model's predictions and the targets. */
export type LossFn = (pred: Tensor, target: Tensor) => Tensor;

/** The losses `fit` and `trainOn` know by name (each the op of that name in rxgrad). */
export const LOSSES = {
  /** `loss: 'mse'`: the op {@link mse}. */
  mse,
  /** `loss: 'sse'`: the op {@link sse}. */
  sse,
  /** `loss: 'crossEntropy'`: the op {@link crossEntropy}. */
  crossEntropy,
  /** `loss: 'binaryCrossEntropy'`: the op {@link binaryCrossEntropy}. */
  binaryCrossEntropy,
  /** `loss: 'binaryCrossEntropyWithLogits'`: the op {@link binaryCrossEntropyWithLogits}. */
  binaryCrossEntropyWithLogits,
  /** `loss: 'nll'`: the op {@link nll}. */
  nll,
} as const satisfies Record<string, LossFn>;

/** A loss by name: `'mse'`, `'sse'`, `'crossEntropy'`, `'binaryCrossEntropy'`, `'binaryCrossEntropyWithLogits'`, `'nll'`. */
export type LossName = keyof typeof LOSSES;

/** The loss function `loss` names (or `loss` itself); an `ArgumentError` naming `where` otherwise. */
export function resolveLoss(loss: unknown, where: string): LossFn {
  if (typeof loss === 'function') return loss as LossFn;
  if (typeof loss === 'string' && Object.hasOwn(LOSSES, loss)) return LOSSES[loss as LossName];
  const names = Object.keys(LOSSES)
    .map((n) => `'${n}'`)
    .join(', ');
  throw new ArgumentError(
    `${where}: loss must be a function (pred, target) => Tensor or one of ${names}, got ${loss === undefined ? 'nothing' : JSON.stringify(loss)}`,
  );
}
