import { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  booleanOption,
  checkDType,
  checkOptions,
  type DType,
  DTypeError,
  excerpt,
  formatShape,
  kindOf,
  MAX_ELEMENTS,
  type Random,
  ShapeError,
  shapesEqual,
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

/** The options `Linear` knows; `Neuron` and `mlp` pass theirs through. */
const LINEAR_OPTIONS = ['bias', 'dtype', 'init', 'biasInit', 'seed', 'rng'];

function checkFeatures(n: number, where: string, arg: string): number {
  if (!Number.isInteger(n) || n <= 0) {
    throw new ArgumentError(`${where}: ${arg} must be a positive integer, got ${excerpt(n)}`);
  }
  return n;
}

/** What an initialiser returned, checked to be a tensor of the shape and dtype asked for. */
function checkInit(t: unknown, shape: number[], dtype: DType, where: string, arg: string): Tensor {
  if (!(t instanceof Tensor)) {
    throw new ArgumentError(`${where}: ${arg} must return a Tensor, got ${kindOf(t)}`);
  }
  if (!shapesEqual(t.shape, shape)) {
    throw new ShapeError(
      `${where}: ${arg} returned shape ${formatShape(t.shape)}, expected ${formatShape(shape)}`,
    );
  }
  if (t.dtype !== dtype) {
    throw new DTypeError(`${where}: ${arg} returned a ${t.dtype} tensor, expected ${dtype}`);
  }
  if (t.node !== null) {
    throw new ArgumentError(
      `${where}: ${arg} returned the result of an op (${t.node.op}), expected a leaf tensor`,
    );
  }
  return t;
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
  /** Size of the input's last axis. */
  readonly inFeatures: number;
  /** Size of the output's last axis. */
  readonly outFeatures: number;
  /** `[inFeatures, outFeatures]`. */
  readonly weight: Tensor;
  /** `[outFeatures]`, or null without bias. */
  readonly bias: Tensor | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    const where = new.target.name;
    const o = checkOptions(options, LINEAR_OPTIONS, where);
    this.inFeatures = checkFeatures(inFeatures, where, 'inFeatures');
    this.outFeatures = checkFeatures(outFeatures, where, 'outFeatures');
    if (inFeatures * outFeatures > MAX_ELEMENTS) {
      throw new ArgumentError(
        `${where}: inFeatures × outFeatures = ${inFeatures * outFeatures} weights, expected at most ${MAX_ELEMENTS}`,
      );
    }
    const bias = booleanOption(o.bias, true, where, 'bias');
    const dtype = checkDType(o.dtype ?? 'float64', where);
    const rng = resolveRng(o, where);
    const init = resolveInit(o.init ?? 'glorotUniform', `${where} (init)`);
    const biasInit = resolveInit(o.biasInit ?? 'zeros', `${where} (biasInit)`);
    const weightShape = [inFeatures, outFeatures];
    this.weight = checkInit(init(weightShape, { rng, dtype }), weightShape, dtype, where, 'init');
    this.weight.requireGrad();
    this.bias = bias
      ? checkInit(biasInit([outFeatures], { rng, dtype }), [outFeatures], dtype, where, 'biasInit')
      : null;
    this.bias?.requireGrad();
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
