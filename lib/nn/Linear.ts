import type { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  checkDType,
  type DType,
  formatShape,
  type Random,
  ShapeError,
} from '../core/index.js';
import { add, matmul } from '../ops/index.js';
import { type Initializer, type InitName, resolveInit, resolveRng } from './init.js';
import { Module } from './Module.js';

/** Options of `Linear` (and of `Neuron`, `mlp`). */
export interface LinearOptions {
  /** Add a learnable bias. Default true. */
  bias?: boolean;
  /** dtype of the parameters. Default `'float64'`. */
  dtype?: DType;
  /** Weight initialiser, a name or a function. Default `'glorotUniform'`. */
  init?: InitName | Initializer;
  /** Bias initialiser. Default `'zeros'`. */
  biasInit?: InitName | Initializer;
  /** Seed of the weights (default 0); give each layer its own seed, or share an `rng`. */
  seed?: number;
  /** Draw the weights from this generator (its state advances). */
  rng?: Random;
}

function checkFeatures(n: number, where: string, arg: string): number {
  if (!Number.isInteger(n) || n <= 0) {
    throw new ArgumentError(`${where}: ${arg} must be a positive integer, got ${n}`);
  }
  return n;
}

/**
 * A fully connected layer, y = x·W + b, over the last axis of `x`.
 *
 * The weight is stored `[inFeatures, outFeatures]` (as in the tutorials and Keras), so the
 * forward pass is a plain `matmul(x, W)` and `W`'s fans are read from its shape. Defaults:
 * Glorot-uniform weights and zero bias (Keras's and TensorFlow.js's defaults; for deep relu
 * stacks pass `init: 'heUniform'`, which `mlp` does). The weights are drawn first, then the
 * bias, from one generator.
 *
 * @example
 * const fc = new Linear(30, 1, { seed: 42 });
 * fc.forward(x);  // [batch, 30] → [batch, 1]
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** `[inFeatures, outFeatures]`. */
  readonly weight: Tensor;
  /** `[outFeatures]`, or null without bias. */
  readonly bias: Tensor | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    const where = new.target.name;
    this.inFeatures = checkFeatures(inFeatures, where, 'inFeatures');
    this.outFeatures = checkFeatures(outFeatures, where, 'outFeatures');
    const dtype = checkDType(options.dtype ?? 'float64', where);
    const rng = resolveRng(options, where);
    const init = resolveInit(options.init ?? 'glorotUniform', `${where} (init)`);
    const biasInit = resolveInit(options.biasInit ?? 'zeros', `${where} (biasInit)`);
    this.weight = init([inFeatures, outFeatures], { rng, dtype }).requireGrad();
    this.bias =
      options.bias === false ? null : biasInit([outFeatures], { rng, dtype }).requireGrad();
  }

  /** x·W + b; `x` is `[..., inFeatures]`. */
  forward(x: Tensor): Tensor {
    this.checkInput(x);
    const y = matmul(x, this.weight);
    return this.bias ? add(y, this.bias) : y;
  }

  /** A `ShapeError` naming this layer when `x` does not end in `inFeatures`. */
  protected checkInput(x: Tensor): void {
    if (x?.shape === undefined) {
      throw new ArgumentError(`${this.describe()}: input must be a Tensor, got ${typeof x}`);
    }
    if (x.rank === 0 || x.shape[x.rank - 1] !== this.inFeatures) {
      throw new ShapeError(
        `${this.describe()}: expected input with ${this.inFeatures} features in its last axis, got shape ${formatShape(x.shape)}`,
      );
    }
  }

  override describe(): string {
    const extra = [this.bias ? 'bias' : 'no bias'];
    if (this.weight.dtype !== 'float64') extra.push(this.weight.dtype);
    return `Linear(${this.inFeatures} → ${this.outFeatures}, ${extra.join(', ')})`;
  }
}
