import {
  ArgumentError,
  checkOptions,
  type DType,
  excerpt,
  inContext,
  type Random,
} from '../core/index.js';
import { type ActivationName, activation as makeActivation } from './activations.js';
import { type Initializer, type InitName, resolveRng } from './init.js';
import { Linear } from './Linear.js';
import type { Module } from './Module.js';
import { Sequential } from './Sequential.js';

/** Options of `mlp`. */
export interface MlpOptions {
  /** Activation after every hidden layer. Default `'relu'`. */
  activation?: ActivationName | (() => Module);
  /** Activation after the last layer. Default none (raw outputs, e.g. logits). */
  outputActivation?: ActivationName | (() => Module);
  /** Biases on every layer. Default true. */
  bias?: boolean;
  /** dtype of the parameters. Default `'float64'`. */
  dtype?: DType;
  /**
   * Weight initialiser of every layer. Default: `'heUniform'` when the hidden activation is
   * relu, leakyRelu or gelu, else `'glorotUniform'`.
   */
  init?: InitName | Initializer;
  /** Seed of all the weights (default 0): the layers draw in turn from one generator. */
  seed?: number;
  /** Draw all the weights from this generator instead of `seed` (its state advances). */
  rng?: Random;
}

const RELU_LIKE = new Set(['relu', 'leakyRelu', 'gelu']);

/**
 * A multi-layer perceptron as a `Sequential`: `Linear(sizes[0] → sizes[1])`, activation, …,
 * `Linear(sizes[n−2] → sizes[n−1])`, then the optional output activation.
 *
 * @example
 * const net = mlp([30, 16, 1], { activation: 'relu', outputActivation: 'sigmoid', seed: 42 });
 * // Sequential(Linear(30 → 16), ReLU, Linear(16 → 1), Sigmoid)
 */
export function mlp(sizes: readonly number[], options: MlpOptions = {}): Sequential {
  const o = checkOptions(
    options,
    ['activation', 'outputActivation', 'bias', 'dtype', 'init', 'seed', 'rng'],
    'mlp',
  );
  if (
    !Array.isArray(sizes) ||
    sizes.length < 2 ||
    !sizes.every((n) => Number.isInteger(n) && n > 0)
  ) {
    throw new ArgumentError(
      `mlp: sizes must list at least two positive integers (inputs, …, outputs), got ${excerpt(sizes)}`,
    );
  }
  const hidden = o.activation ?? 'relu';
  const init =
    o.init ?? (typeof hidden === 'string' && RELU_LIKE.has(hidden) ? 'heUniform' : 'glorotUniform');
  const rng = resolveRng(o, 'mlp');
  const net = new Sequential();
  for (let i = 0; i + 1 < sizes.length; i++) {
    const at = `mlp: layers.${net.layers.length}`;
    net.push(
      inContext(
        at,
        () => new Linear(sizes[i], sizes[i + 1], { bias: o.bias, dtype: o.dtype, init, rng }),
      ),
    );
    if (i + 2 < sizes.length) net.push(makeActivation(hidden, 'mlp (activation)'));
  }
  if (o.outputActivation !== undefined) {
    net.push(makeActivation(o.outputActivation, 'mlp (outputActivation)'));
  }
  return net;
}
