import type { Tensor } from '../autograd/index.js';
import { ArgumentError, formatShape, ShapeError } from '../core/index.js';
import { add } from './add.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';
import { sqrt } from './sqrt.js';
import { square } from './square.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { expectTensor } from './util.js';

/** Options of `batchNorm`. */
export interface BatchNormOptions {
  /** Per-channel mean used in evaluation, and updated in place in training. Shape [C]. */
  runningMean?: Tensor | null;
  /** Per-channel variance used in evaluation, and updated in place (unbiased) in training. Shape [C]. */
  runningVar?: Tensor | null;
  /** Scale γ, shape [C]. Default none (1). */
  weight?: Tensor | null;
  /** Shift β, shape [C]. Default none (0). */
  bias?: Tensor | null;
  /** Normalise with the batch's statistics (and update the running ones) instead of the running ones. Default false. */
  training?: boolean;
  /** Weight of the new batch in the running statistics: r ← (1 − m)·r + m·batch. Default 0.1. */
  momentum?: number;
  /** Added to the variance before the square root. Default 1e-5. */
  eps?: number;
}

function channelTensor(t: unknown, c: number, arg: string, x: Tensor): Tensor | null {
  if (t === undefined || t === null) return null;
  const v = expectTensor(t, 'batchNorm', arg);
  if (v.rank !== 1 || v.shape[0] !== c) {
    throw new ShapeError(
      `batchNorm: ${arg} must have shape [${c}] (one value per channel of input ${formatShape(x.shape)}), got ${formatShape(v.shape)}`,
    );
  }
  return v;
}

function finite(v: unknown, arg: string, lo: number, hi: number): number {
  if (typeof v !== 'number' || !(v >= lo && v <= hi)) {
    throw new ArgumentError(`batchNorm: ${arg} must be a number in [${lo}, ${hi}], got ${v}`);
  }
  return v;
}

/**
 * Batch normalisation over axis 1 of x [N, C, ...] (as PyTorch's `F.batch_norm`): each channel
 * is shifted and scaled to y = (x − μ) / √(σ² + eps) · γ + β. In training μ and σ² are the
 * batch's (over every axis but 1, σ² biased), and the running statistics, when given, move
 * towards them in place: r ← (1 − momentum)·r + momentum·stat, with the unbiased variance as
 * PyTorch keeps it. In evaluation the running statistics are used. A composite of ops, so its
 * gradients (through the batch statistics in training) come from theirs.
 *
 * @example batchNorm(x, { runningMean, runningVar, weight, bias, training: true })
 */
export function batchNorm(x: Tensor, options: BatchNormOptions = {}): Tensor {
  const t = expectTensor(x, 'batchNorm', 'x');
  const o = options ?? {};
  if (t.rank < 2) {
    throw new ShapeError(
      `batchNorm: input must have at least 2 dims [N,C,...], got ${formatShape(t.shape)}`,
    );
  }
  const [n, c] = t.shape;
  const rest = t.size / Math.max(1, n * c);
  const runningMean = channelTensor(o.runningMean, c, 'runningMean', t);
  const runningVar = channelTensor(o.runningVar, c, 'runningVar', t);
  const weight = channelTensor(o.weight, c, 'weight', t);
  const bias = channelTensor(o.bias, c, 'bias', t);
  const eps = finite(o.eps ?? 1e-5, 'eps', 0, Number.MAX_VALUE);
  const momentum = finite(o.momentum ?? 0.1, 'momentum', 0, 1);
  const training = o.training ?? false;
  if ((runningMean === null) !== (runningVar === null)) {
    throw new ArgumentError('batchNorm: give both runningMean and runningVar, or neither');
  }
  // [N, C, R] with C as the middle axis, so every statistic is a [C, 1] column
  const x3 = reshape(t, [n, c, rest]);
  const column = (v: Tensor) => reshape(v, [c, 1]);
  let centered: Tensor;
  let inv: Tensor;
  if (training) {
    const count = n * rest;
    if (count < 2) {
      throw new ShapeError(
        `batchNorm: training needs more than one value per channel, got input ${formatShape(t.shape)}`,
      );
    }
    // NOTE: two passes (mean, then the mean of squared deviations): stable where E[x²] − E[x]² is not
    const mu = div(sum(sum(x3, 2), 0), count);
    centered = sub(x3, column(mu));
    const variance = div(sum(sum(square(centered), 2), 0), count);
    inv = div(1, sqrt(add(variance, eps)));
    if (runningMean && runningVar) {
      updateRunning(runningMean, mu, momentum, 1);
      updateRunning(runningVar, variance, momentum, count / (count - 1));
    }
  } else {
    if (!runningMean || !runningVar) {
      throw new ArgumentError(
        'batchNorm: evaluation (training: false) needs runningMean and runningVar',
      );
    }
    centered = sub(x3, column(runningMean));
    inv = div(1, sqrt(add(runningVar, eps)));
  }
  // d/dx flows through μ and σ² as well in training: the ops record it
  const scale = weight ? mul(inv, weight) : inv;
  let y = mul(centered, column(scale));
  if (bias) y = add(y, column(bias));
  return reshape(y, t.shape);
}

/** r ← (1 − m)·r + m·factor·stat, in place, outside the graph. */
function updateRunning(r: Tensor, stat: Tensor, m: number, factor: number): void {
  const d = r.data;
  const s = stat.data;
  for (let i = 0; i < d.length; i++) d[i] = (1 - m) * d[i] + m * factor * s[i];
}
