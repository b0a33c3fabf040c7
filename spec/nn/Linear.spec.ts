import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  DTypeError,
  init,
  Linear,
  mean,
  mlp,
  mul,
  Neuron,
  Random,
  randn,
  ShapeError,
  sgd,
  sub,
  sum,
  tensor,
  zeros,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('Linear', () => {
  it('stores weight [in, out] and bias [out], both trainable, named weight and bias', () => {
    const fc = new Linear(3, 2);
    expect(fc.weight.shape).toEqual([3, 2]);
    expect(fc.bias?.shape).toEqual([2]);
    expect(fc.namedParameters().map(([n]) => n)).toEqual(['weight', 'bias']);
    expect(fc.parameters().every((p) => p.requiresGrad && p.isLeaf)).toBe(true);
    expect(fc.parameterCount()).toBe(8);
  });

  it('computes x·W + b (checked against plain loops)', () => {
    const fc = new Linear(3, 2);
    fc.loadStateDict({
      weight: tensor([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
      bias: tensor([0.5, -1]),
    });
    const x = [
      [1, 0, -1],
      [2, 1, 0.5],
    ];
    const w = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    const expected = x.map((row) =>
      [0, 1].map((j) => row.reduce((s, v, i) => s + v * w[i][j], 0) + [0.5, -1][j]),
    );
    expect(fc.forward(tensor(x)).toArray()).toEqual(expected);
  });

  it('maps [..., in] to [..., out]: vectors, batches and batches of batches', () => {
    const fc = new Linear(4, 3);
    expect(fc.forward(randn([4])).shape).toEqual([3]);
    expect(fc.forward(randn([5, 4])).shape).toEqual([5, 3]);
    expect(fc.forward(randn([2, 5, 4])).shape).toEqual([2, 5, 3]);
  });

  it('without bias has only a weight', () => {
    const fc = new Linear(2, 2, { bias: false });
    expect(fc.bias).toBeNull();
    expect(fc.namedParameters().map(([n]) => n)).toEqual(['weight']);
    fc.loadStateDict({
      weight: tensor([
        [1, 0],
        [0, 1],
      ]),
    });
    expect(fc.forward(tensor([[3, 4]])).toArray()).toEqual([[3, 4]]);
  });

  it('gradients: dW = xᵀ·g, db = Σ g over the batch', () => {
    const fc = new Linear(2, 3, { seed: 1 });
    const x = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    sum(fc.forward(x)).backward();
    // g = ones [4,3]: dW[i][j] = Σₙ x[n][i], db[j] = 4
    expect(fc.weight.grad?.toArray()).toEqual([
      [16, 16, 16],
      [20, 20, 20],
    ]);
    expect(fc.bias?.grad?.toArray()).toEqual([4, 4, 4]);
  });

  it('defaults: Glorot-uniform weights inside ±√(6/(in+out)), zero bias, seed 0', () => {
    const fc = new Linear(30, 16);
    const a = Math.sqrt(6 / 46);
    expect(Array.from(fc.weight.data).every((v) => Math.abs(v) <= a)).toBe(true);
    expect(Array.from(fc.bias!.data)).toEqual(new Array(16).fill(0));
    expect(Array.from(fc.weight.data)).toEqual(
      Array.from(init.glorotUniform([30, 16], { seed: 0 }).data),
    );
  });

  it('the same seed gives the same layer; a shared rng gives distinct layers', () => {
    expect(Array.from(new Linear(3, 3, { seed: 5 }).weight.data)).toEqual(
      Array.from(new Linear(3, 3, { seed: 5 }).weight.data),
    );
    const rng = new Random(5);
    const a = new Linear(3, 3, { rng });
    const b = new Linear(3, 3, { rng });
    expect(Array.from(a.weight.data)).not.toEqual(Array.from(b.weight.data));
  });

  it('accepts initialisers by name or as functions, for weight and bias', () => {
    const fc = new Linear(2, 2, { init: 'ones', biasInit: (s, o) => init.constant(s, 0.1, o) });
    expect(Array.from(fc.weight.data)).toEqual([1, 1, 1, 1]);
    expect(Array.from(fc.bias!.data)).toEqual([0.1, 0.1]);
    const he = new Linear(50, 10, { init: 'heNormal', seed: 3 });
    expect(Array.from(he.weight.data)).toEqual(
      Array.from(init.heNormal([50, 10], { seed: 3 }).data),
    );
  });

  it('float32 parameters on request', () => {
    const fc = new Linear(2, 2, { dtype: 'float32' });
    expect(fc.weight.dtype).toBe('float32');
    expect(fc.bias?.dtype).toBe('float32');
    expect(fc.forward(tensor([[1, 2]], { dtype: 'float32' })).dtype).toBe('float32');
    expect(fc.describe()).toBe('Linear(2 → 2, bias, float32)');
  });

  it('a wrong input feature count is a ShapeError naming the layer and both shapes', () => {
    const fc = new Linear(3, 1);
    expect(() => fc.forward(randn([2, 4]))).toThrow(ShapeError);
    expect(() => fc.forward(randn([2, 4]))).toThrow(
      'Linear(3 → 1, bias): expected input with 3 features in its last axis, got shape [2,4]',
    );
    expect(() => fc.forward(tensor(1))).toThrow(/got shape \[\]/);
    expect(() => fc.forward([1, 2, 3] as never)).toThrow(ArgumentError);
  });

  it('rejects bad constructor arguments', () => {
    expect(() => new Linear(0, 1)).toThrow('Linear: inFeatures must be a positive integer, got 0');
    expect(() => new Linear(2, 1.5)).toThrow(
      'Linear: outFeatures must be a positive integer, got 1.5',
    );
    expect(() => new Linear(2, 2, { init: 'lecun' as never })).toThrow(
      /unknown initialiser "lecun"/,
    );
    expect(() => new Linear(2, 2, { dtype: 'int32' as never })).toThrow(/dtype must be/);
    expect(() => new Linear(2, 2, { seed: 1, rng: new Random(1) })).toThrow(
      /seed or rng, not both/,
    );
  });

  it('learns y = 2x + 1 with plain SGD on a mean squared error', () => {
    const fc = new Linear(1, 1, { seed: 3 });
    const opt = sgd(fc.parameters(), { lr: 0.05 });
    const x = tensor([[-1], [0], [1], [2], [3]]);
    const y = tensor([[-1], [1], [3], [5], [7]]);
    const losses: number[] = [];
    for (let i = 0; i < 300; i++) {
      const d = sub(fc.forward(x), y);
      const loss = mean(mul(d, d));
      losses.push(loss.item());
      opt.zeroGrad();
      loss.backward();
      opt.step();
    }
    expect(losses[299]).toBeLessThan(1e-6 * losses[0]);
    expect(fc.weight.item()).toBeCloseTo(2, 4);
    expect(fc.bias!.item()).toBeCloseTo(1, 4);
  });

  // NOTE: each of these used to be accepted silently, or to throw a RangeError (issue 12).
  it('rejects an initialiser result of the wrong shape, dtype or kind', () => {
    expectError(
      () => new Linear(2, 3, { init: () => zeros([3, 2]) }),
      ShapeError,
      'Linear: init returned shape [3,2], expected [2,3]',
    );
    expectError(
      () => new Linear(2, 3, { init: () => zeros([2, 3], { dtype: 'float32' }) }),
      DTypeError,
      'Linear: init returned a float32 tensor, expected float64',
    );
    expectError(
      () => new Linear(2, 3, { biasInit: () => [0, 0, 0] as never }),
      ArgumentError,
      'Linear: biasInit must return a Tensor, got an array ([0,0,0])',
    );
  });

  it('rejects unknown options, a bias that is not a boolean, and a size too large to allocate', () => {
    expectError(
      () => new Linear(2, 2, { bias: 'no' as never }),
      ArgumentError,
      'Linear: bias must be true or false, got the string "no"',
    );
    expectError(
      () => new Linear(2, 2, { biass: false } as never),
      ArgumentError,
      'Linear: unknown option "biass", expected one of bias, dtype, init, biasInit, seed, rng',
    );
    expectError(
      () => new Linear(4, 2 ** 33),
      ArgumentError,
      'Linear: inFeatures × outFeatures = 34359738368 weights, expected at most 2147483647',
    );
    expectError(
      () => new Neuron(2, { activaton: 'relu' } as never),
      ArgumentError,
      'Neuron: unknown option "activaton", expected one of activation, bias, dtype, init, biasInit, seed, rng',
    );
    expectError(
      () => mlp([2, 1], { activations: 'tanh' } as never),
      ArgumentError,
      'mlp: unknown option "activations", expected one of activation, outputActivation, bias, dtype, init, seed, rng',
    );
  });
});
