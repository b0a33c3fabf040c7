import { describe, expect, it } from 'vitest';
import { ArgumentError, Linear, Neuron, randn, ShapeError, tensor } from '../../lib/index.js';

// The tutorial's neuron: inputs (0.8, 0.7, 0.9), weights (0.5, 0.3, 0.2), bias −0.4 → z = 0.39
const x = tensor([0.8, 0.7, 0.9]);
const z = 0.8 * 0.5 + 0.7 * 0.3 + 0.9 * 0.2 - 0.4;
function tutorialNeuron(activation: 'relu' | 'sigmoid' | 'tanh' | 'linear' | 'identity') {
  const n = new Neuron(3, { activation });
  n.loadStateDict({ weight: tensor([[0.5], [0.3], [0.2]]), bias: tensor([-0.4]) });
  return n;
}

describe('Neuron', () => {
  it('computes f(x·w + b) for each activation (z = 0.39, σ(z) ≈ 0.596)', () => {
    expect(z).toBeCloseTo(0.39, 12);
    expect(tutorialNeuron('sigmoid').forward(x).item()).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
    expect(tutorialNeuron('sigmoid').forward(x).item()).toBeCloseTo(0.596, 3);
    expect(tutorialNeuron('tanh').forward(x).item()).toBeCloseTo(Math.tanh(z), 12);
    expect(tutorialNeuron('relu').forward(x).item()).toBeCloseTo(z, 12);
    expect(tutorialNeuron('linear').forward(x).item()).toBeCloseTo(z, 12);
    expect(tutorialNeuron('identity').forward(x).item()).toBeCloseTo(z, 12);
  });

  it('relu of a negative pre-activation is 0', () => {
    const n = tutorialNeuron('relu');
    expect(n.forward(tensor([-1, -1, -1])).item()).toBe(0);
  });

  it('is a Linear(inputs, 1) with weight [inputs, 1] and bias [1]; sigmoid by default', () => {
    const n = new Neuron(30, { seed: 1 });
    expect(n).toBeInstanceOf(Linear);
    expect(n.activation).toBe('sigmoid');
    expect(n.namedParameters().map(([k, t]) => [k, t.shape])).toEqual([
      ['weight', [30, 1]],
      ['bias', [1]],
    ]);
    expect(n.forward(randn([455, 30])).shape).toEqual([455, 1]);
    expect(Array.from(n.weight.data)).toEqual(
      Array.from(new Linear(30, 1, { seed: 1 }).weight.data),
    );
  });

  it('without bias, and its description', () => {
    const n = new Neuron(3, { bias: false, activation: 'tanh' });
    expect(n.bias).toBeNull();
    expect(n.describe()).toBe('Neuron(3 inputs, tanh, no bias)');
    expect(new Neuron(4).describe()).toBe('Neuron(4 inputs, sigmoid)');
  });

  it('errors name the neuron', () => {
    expect(() => new Neuron(3, { activation: 'softmax' as never })).toThrow(ArgumentError);
    expect(() => new Neuron(3, { activation: 'softmax' as never })).toThrow(
      /Neuron: activation must be one of relu, sigmoid, tanh, linear, identity, got "softmax"/,
    );
    expect(() => new Neuron(3).forward(randn([2, 2]))).toThrow(ShapeError);
    expect(() => new Neuron(3).forward(randn([2, 2]))).toThrow(
      /^Neuron\(3 inputs, sigmoid\): expected input with 3 features/,
    );
  });

  it('gradient of σ(x·w + b): dσ/dw = σ(1 − σ)·x', () => {
    const n = tutorialNeuron('sigmoid');
    n.forward(x).sum().backward();
    const s = 1 / (1 + Math.exp(-z));
    const ds = s * (1 - s);
    (n.weight.grad!.toArray() as number[][]).forEach(([g], i) => {
      expect(g).toBeCloseTo(ds * [0.8, 0.7, 0.9][i], 12);
    });
    expect(n.bias!.grad!.item()).toBeCloseTo(ds, 12);
  });
});
