import type { Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt } from '../core/index.js';
import { gelu, leakyRelu, relu, sigmoid, softmax, tanh } from '../ops/index.js';
import { Module } from './Module.js';

// Activation layers: parameter-free modules wrapping the ops of the same name, so that a
// Sequential reads as the network it builds:
//   new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3), new Softmax())

/** max(x, 0) as a layer. */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/** 1 / (1 + e⁻ˣ) as a layer. */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}

/** tanh(x) as a layer. */
export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

/** x·Φ(x) (exact erf form) as a layer. */
export class GELU extends Module {
  forward(x: Tensor): Tensor {
    return gelu(x);
  }
}

/** The input unchanged (a placeholder layer, or a "linear" activation). */
export class Identity extends Module {
  forward(x: Tensor): Tensor {
    return x;
  }
}

/** x for x > 0, slope·x elsewhere, as a layer. Default slope 0.01 (PyTorch's). */
export class LeakyReLU extends Module {
  /** Multiplier of negative inputs. Default 0.01. */
  readonly slope: number;

  constructor(slope = 0.01) {
    super();
    if (typeof slope !== 'number' || !Number.isFinite(slope)) {
      throw new ArgumentError(`LeakyReLU: slope must be a finite number, got ${excerpt(slope)}`);
    }
    this.slope = slope;
  }

  forward(x: Tensor): Tensor {
    return leakyRelu(x, this.slope);
  }

  override describe(): string {
    return `LeakyReLU(slope=${this.slope})`;
  }
}

/** e^(xᵢ) / Σⱼ e^(xⱼ) along `axis` (default the last) as a layer. */
export class Softmax extends Module {
  /** The axis whose entries sum to 1. Default −1 (the last). */
  readonly axis: number;

  constructor(axis = -1) {
    super();
    if (!Number.isInteger(axis)) {
      throw new ArgumentError(`Softmax: axis must be an integer, got ${excerpt(axis)}`);
    }
    this.axis = axis;
  }

  forward(x: Tensor): Tensor {
    return softmax(x, this.axis);
  }

  override describe(): string {
    return `Softmax(axis=${this.axis})`;
  }
}

/** Names of activations accepted by `Neuron` and `mlp`. */
export type ActivationName =
  | 'relu'
  | 'sigmoid'
  | 'tanh'
  | 'gelu'
  | 'leakyRelu'
  | 'softmax'
  | 'linear'
  | 'identity';

const factories: Record<ActivationName, () => Module> = {
  relu: () => new ReLU(),
  sigmoid: () => new Sigmoid(),
  tanh: () => new Tanh(),
  gelu: () => new GELU(),
  leakyRelu: () => new LeakyReLU(),
  softmax: () => new Softmax(),
  linear: () => new Identity(),
  identity: () => new Identity(),
};

/**
 * A fresh activation module by name (`'relu'`, `'sigmoid'`, …; `'linear'` and `'identity'` are
 * the identity), or the module a factory function returns.
 *
 * @example activation('tanh')  // new Tanh()
 */
export function activation(spec: ActivationName | (() => Module), where = 'activation'): Module {
  if (typeof spec === 'function') {
    const m = spec();
    if (!(m instanceof Module)) {
      throw new ArgumentError(`${where}: the activation factory must return a Module`);
    }
    return m;
  }
  if (typeof spec === 'string' && Object.hasOwn(factories, spec)) return factories[spec]();
  throw new ArgumentError(
    `${where}: unknown activation ${excerpt(spec)}; expected one of ${Object.keys(factories).join(', ')} or a function returning a Module`,
  );
}
