import type { Tensor } from '../autograd/index.js';
import { ArgumentError, checkDType, type DType, formatShape, ShapeError } from '../core/index.js';
import { batchNorm } from '../ops/index.js';
import { constant } from './init.js';
import { Module } from './Module.js';

/** Options of `BatchNorm1d` and `BatchNorm2d`. */
export interface BatchNormLayerOptions {
  /** Added to the variance before the square root. Default 1e-5. */
  eps?: number;
  /** Weight of each new batch in the running statistics. Default 0.1. */
  momentum?: number;
  /** Learn a scale γ (init 1) and a shift β (init 0) per channel. Default true. */
  affine?: boolean;
  /** Keep running statistics for evaluation; without, evaluation uses each batch's own. Default true. */
  trackRunningStats?: boolean;
  /** dtype of the parameters and statistics. Default `'float64'`. */
  dtype?: DType;
}

/**
 * Batch normalisation over the channel axis (axis 1), with running statistics that follow
 * `train()`/`eval()` as PyTorch's `nn.BatchNorm1d/2d`: in training each batch is normalised
 * with its own mean and (biased) variance and the running mean and (unbiased) variance move
 * towards them by `momentum`; in evaluation the running ones are used. γ (`weight`) and β
 * (`bias`) are parameters; `runningMean` and `runningVar` are buffers, saved in `stateDict()`
 * and in files but not trained.
 */
export abstract class BatchNorm extends Module {
  /** Features normalised: C of [N, C] or [N, C, L] (1d), of NCHW (2d). */
  readonly numFeatures: number;
  /** Added to the variance before its square root. */
  readonly eps: number;
  /** Weight of each new batch in the running statistics (PyTorch's convention). */
  readonly momentum: number;
  /** γ, [numFeatures] (ones at first), or null when not affine. */
  readonly weight: Tensor | null;
  /** β, [numFeatures] (zeros at first), or null when not affine. */
  readonly bias: Tensor | null;
  /** [numFeatures] (zeros at first), or null without running statistics. */
  readonly runningMean: Tensor | null;
  /** [numFeatures] (ones at first), or null without running statistics. */
  readonly runningVar: Tensor | null;

  constructor(numFeatures: number, options: BatchNormLayerOptions = {}) {
    super();
    const where = new.target.name;
    if (!Number.isInteger(numFeatures) || numFeatures <= 0) {
      throw new ArgumentError(
        `${where}: numFeatures must be a positive integer, got ${numFeatures}`,
      );
    }
    const o = options ?? {};
    this.numFeatures = numFeatures;
    this.eps = o.eps ?? 1e-5;
    this.momentum = o.momentum ?? 0.1;
    if (typeof this.eps !== 'number' || !(this.eps >= 0) || !Number.isFinite(this.eps)) {
      throw new ArgumentError(`${where}: eps must be a finite number ≥ 0, got ${o.eps}`);
    }
    if (typeof this.momentum !== 'number' || !(this.momentum >= 0 && this.momentum <= 1)) {
      throw new ArgumentError(`${where}: momentum must be a number in [0, 1], got ${o.momentum}`);
    }
    const dtype = checkDType(o.dtype ?? 'float64', where);
    const affine = o.affine ?? true;
    const track = o.trackRunningStats ?? true;
    const c = [numFeatures];
    this.weight = affine ? constant(c, 1, { dtype, requiresGrad: true }) : null;
    this.bias = affine ? constant(c, 0, { dtype, requiresGrad: true }) : null;
    this.runningMean = track ? constant(c, 0, { dtype }) : null;
    this.runningVar = track ? constant(c, 1, { dtype }) : null;
  }

  protected override ownBuffers(): [string, Tensor][] {
    return this.runningMean && this.runningVar
      ? [
          ['runningMean', this.runningMean],
          ['runningVar', this.runningVar],
        ]
      : [];
  }

  /** Ranks this layer accepts, and how to name them in an error. */
  protected abstract readonly ranks: readonly number[];
  /** The input shapes this layer accepts, as its errors name them. */
  protected abstract readonly layout: string;

  forward(x: Tensor): Tensor {
    if (x?.shape === undefined) {
      throw new ArgumentError(`${this.describe()}: input must be a Tensor, got ${typeof x}`);
    }
    if (!this.ranks.includes(x.rank) || x.shape[1] !== this.numFeatures) {
      throw new ShapeError(
        `${this.describe()}: expected input ${this.layout}, got shape ${formatShape(x.shape)}`,
      );
    }
    const useBatch = this.training || this.runningMean === null;
    return batchNorm(x, {
      runningMean: this.runningMean,
      runningVar: this.runningVar,
      weight: this.weight,
      bias: this.bias,
      training: useBatch,
      momentum: this.training ? this.momentum : 0,
      eps: this.eps,
    });
  }

  override describe(): string {
    const extra = [`${this.numFeatures}`];
    if (this.eps !== 1e-5) extra.push(`eps ${this.eps}`);
    if (this.momentum !== 0.1) extra.push(`momentum ${this.momentum}`);
    if (!this.weight) extra.push('no affine');
    if (!this.runningMean) extra.push('no running stats');
    return `${this.constructor.name}(${extra.join(', ')})`;
  }
}

/**
 * Batch normalisation of [N, C] or [N, C, L] input (after a `Linear`, or over sequences).
 *
 * @example new Sequential(new Linear(784, 64), new BatchNorm1d(64), new ReLU())
 */
export class BatchNorm1d extends BatchNorm {
  protected readonly ranks = [2, 3];
  /** `[N, C] or [N, C, L]`, as errors name it. */
  protected get layout(): string {
    return `[N, ${this.numFeatures}] or [N, ${this.numFeatures}, L]`;
  }
}

/**
 * Batch normalisation of NCHW input, one mean and variance per channel over N·H·W values.
 *
 * @example new Sequential(new Conv2d(1, 16, 3, { padding: 1 }), new BatchNorm2d(16), new ReLU())
 */
export class BatchNorm2d extends BatchNorm {
  protected readonly ranks = [4];
  /** `[N, C, H, W]`, as errors name it. */
  protected get layout(): string {
    return `[N, ${this.numFeatures}, H, W]`;
  }
}
