import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  activation,
  GELU,
  Identity,
  LeakyReLU,
  Linear,
  Module,
  ReLU,
  Sigmoid,
  Softmax,
  Tanh,
  tensor,
} from '../../lib/index.js';

const close = (a: unknown, b: number[], digits = 12) => {
  const arr = a as number[];
  expect(arr).toHaveLength(b.length);
  arr.forEach((v, i) => {
    expect(v).toBeCloseTo(b[i], digits);
  });
};

describe('activation modules', () => {
  it('ReLU: max(x, 0)', () => {
    expect(new ReLU().forward(tensor([-1, 0, 2])).toArray()).toEqual([0, 0, 2]);
  });

  it('Sigmoid: 1/(1 + e⁻ˣ)', () => {
    close(new Sigmoid().forward(tensor([0, 2, -3])).toArray(), [
      0.5,
      1 / (1 + Math.exp(-2)),
      1 / (1 + Math.exp(3)),
    ]);
  });

  it('Tanh', () => {
    close(new Tanh().forward(tensor([0.5, -2])).toArray(), [Math.tanh(0.5), Math.tanh(-2)]);
  });

  it('Softmax: the tutorial logits (2, 1, 0.5) give ≈ (0.629, 0.231, 0.140)', () => {
    const z = Math.exp(2) + Math.exp(1) + Math.exp(0.5);
    const y = new Softmax().forward(tensor([2, 1, 0.5])).toArray() as number[];
    close(y, [Math.exp(2) / z, Math.exp(1) / z, Math.exp(0.5) / z]);
    close(y, [0.629, 0.231, 0.14], 3);
  });

  it('Softmax(axis) normalises along that axis', () => {
    const y = new Softmax(0)
      .forward(
        tensor([
          [0, 1],
          [0, 3],
        ]),
      )
      .toArray() as number[][];
    close([y[0][0] + y[1][0], y[0][1] + y[1][1]], [1, 1]);
    close([y[0][0]], [0.5]);
    expect(new Softmax(0).describe()).toBe('Softmax(axis=0)');
  });

  it('LeakyReLU: slope·x below 0 (default slope 0.01)', () => {
    expect(new LeakyReLU(0.1).forward(tensor([-10, 2])).toArray()).toEqual([-1, 2]);
    close(new LeakyReLU().forward(tensor([-3, 4])).toArray() as number[], [-0.03, 4]);
    expect(new LeakyReLU(0.2).describe()).toBe('LeakyReLU(slope=0.2)');
    expect(() => new LeakyReLU(Number.NaN)).toThrow(
      'LeakyReLU: slope must be a finite number, got NaN',
    );
  });

  it('GELU: x·Φ(x), Φ(1) = 0.8413447460685429', () => {
    close(
      new GELU().forward(tensor([1, -1, 0])).toArray(),
      [0.8413447460685429, -0.15865525393145707, 0],
      7,
    );
  });

  it('Identity returns its input', () => {
    const x = tensor([1, 2]);
    expect(new Identity().forward(x)).toBe(x);
  });

  it('have no parameters and describe themselves by name', () => {
    const mods = [new ReLU(), new Sigmoid(), new Tanh(), new GELU(), new Identity()];
    expect(mods.map((m) => m.parameterCount())).toEqual([0, 0, 0, 0, 0]);
    expect(mods.map((m) => m.describe())).toEqual(['ReLU', 'Sigmoid', 'Tanh', 'GELU', 'Identity']);
  });

  it('pass gradients: d relu at a Linear output', () => {
    const fc = new Linear(1, 2, { init: 'ones' });
    new ReLU()
      .forward(fc.forward(tensor([[-1], [2]])))
      .sum()
      .backward();
    // only the row with x = 2 is active: dW = 2 per output, db = 1
    expect(fc.weight.grad?.toArray()).toEqual([[2, 2]]);
    expect(fc.bias?.grad?.toArray()).toEqual([1, 1]);
  });

  it('Softmax rejects a non-integer axis', () => {
    expect(() => new Softmax(0.5)).toThrow('Softmax: axis must be an integer, got 0.5');
  });
});

describe('activation(name)', () => {
  it('makes a fresh module per call, linear and identity meaning none', () => {
    expect(activation('relu')).toBeInstanceOf(ReLU);
    expect(activation('relu')).not.toBe(activation('relu'));
    expect(activation('sigmoid')).toBeInstanceOf(Sigmoid);
    expect(activation('tanh')).toBeInstanceOf(Tanh);
    expect(activation('gelu')).toBeInstanceOf(GELU);
    expect(activation('leakyRelu')).toBeInstanceOf(LeakyReLU);
    expect(activation('softmax')).toBeInstanceOf(Softmax);
    expect(activation('linear')).toBeInstanceOf(Identity);
    expect(activation('identity')).toBeInstanceOf(Identity);
    expect(activation(() => new LeakyReLU(0.3))).toBeInstanceOf(Module);
  });

  it('rejects an unknown name or a factory that returns no Module', () => {
    expect(() => activation('swish' as never)).toThrow(ArgumentError);
    expect(() => activation('swish' as never)).toThrow(
      /unknown activation "swish"; expected one of relu/,
    );
    expect(() => activation((() => 1) as never)).toThrow(/must return a Module/);
  });
});
