import type { Tensor } from '../autograd/index.js';
import { ArgumentError, checkOptions, type DType, excerpt, type Random } from '../core/index.js';
import { relu, sigmoid, tanh } from '../ops/index.js';
import type { Initializer, InitName } from './init.js';
import { Linear } from './Linear.js';

/** Activations a `Neuron` offers; `'linear'` and `'identity'` both mean none. */
export type NeuronActivation = 'relu' | 'sigmoid' | 'tanh' | 'linear' | 'identity';

const functions: Record<NeuronActivation, (z: Tensor) => Tensor> = {
  relu,
  sigmoid,
  tanh,
  linear: (z) => z,
  identity: (z) => z,
};

/** Options of `Neuron`. */
export interface NeuronOptions {
  /** Default `'sigmoid'` (the tutorials' neuron). */
  activation?: NeuronActivation;
  /** Add a learnable bias. Default true. */
  bias?: boolean;
  /** dtype of the parameters. Default `'float64'`. */
  dtype?: DType;
  /** Weight initialiser. Default `'glorotUniform'`. */
  init?: InitName | Initializer;
  /** Bias initialiser. Default `'zeros'`. */
  biasInit?: InitName | Initializer;
  /** Seed of the weights. Default 0. */
  seed?: number;
  /** Draw the weights from this generator instead of `seed` (its state advances). */
  rng?: Random;
}

/**
 * One artificial neuron, as in the tutorials: y = f(x·w + b) with `w` of shape `[inputs, 1]`.
 * A `Linear(inputs, 1)` with an activation, so its parameters are `weight` and `bias`.
 *
 * @example
 * const n = new Neuron(3, { activation: 'sigmoid' });
 * n.forward(tensor([0.8, 0.7, 0.9]));  // [σ(x·w + b)]
 */
export class Neuron extends Linear {
  /** The activation applied to x·w + b. */
  readonly activation: NeuronActivation;

  constructor(inputs: number, options: NeuronOptions = {}) {
    const { activation = 'sigmoid', ...linear } = checkOptions(
      options,
      ['activation', 'bias', 'dtype', 'init', 'biasInit', 'seed', 'rng'],
      'Neuron',
    );
    super(inputs, 1, linear);
    if (typeof activation !== 'string' || !Object.hasOwn(functions, activation)) {
      throw new ArgumentError(
        `Neuron: activation must be one of ${Object.keys(functions).join(', ')}, got ${excerpt(activation)}`,
      );
    }
    this.activation = activation;
  }

  override forward(x: Tensor): Tensor {
    return functions[this.activation](super.forward(x));
  }

  override describe(): string {
    return `Neuron(${this.inFeatures} inputs, ${this.activation}${this.bias ? '' : ', no bias'})`;
  }
}
