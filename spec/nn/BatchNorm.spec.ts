import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  BatchNorm1d,
  BatchNorm2d,
  Linear,
  ReLU,
  randn,
  Sequential,
  ShapeError,
  sgd,
  sum,
  tensor,
} from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';

describe('BatchNorm1d and BatchNorm2d', () => {
  it('γ = 1 and β = 0 are parameters; the running statistics are buffers (not trained)', () => {
    const bn = new BatchNorm2d(3);
    expect(bn.namedParameters().map(([n]) => n)).toEqual(['weight', 'bias']);
    expect(bn.namedBuffers().map(([n]) => n)).toEqual(['runningMean', 'runningVar']);
    expect(Array.from(bn.weight!.data)).toEqual([1, 1, 1]);
    expect(Array.from(bn.runningVar!.data)).toEqual([1, 1, 1]);
    expect(bn.runningMean!.requiresGrad).toBe(false);
    const net = new Sequential(new Linear(2, 3), new BatchNorm1d(3));
    expect(Object.keys(net.stateDict())).toEqual([
      'layers.0.weight',
      'layers.0.bias',
      'layers.1.weight',
      'layers.1.bias',
      'layers.1.runningMean',
      'layers.1.runningVar',
    ]);
    expect(net.parameters().length).toBe(4);
  });

  it('train(): batch statistics, and the running ones move; eval(): the running ones, unchanged', () => {
    const bn = new BatchNorm1d(2, { momentum: 0.5 });
    const x = tensor([
      [1, 10],
      [3, 10],
    ]);
    expectClose(
      bn.forward(x),
      [
        [-1 / Math.sqrt(1 + 1e-5), 0],
        [1 / Math.sqrt(1 + 1e-5), 0],
      ],
      1e-12,
    );
    expectClose(bn.runningMean!, [1, 5], 0);
    expectClose(bn.runningVar!, [1.5, 0.5], 0);
    bn.eval();
    const y = bn.forward(tensor([[1, 5]]));
    expectClose(y, [[0, 0]], 0);
    expectClose(bn.runningMean!, [1, 5], 0);
    // and back: train() resumes updating
    bn.train();
    bn.forward(x);
    expectClose(bn.runningMean!, [1.5, 7.5], 0);
  });

  it('stateDict/loadStateDict carry the running statistics, strictly', () => {
    const a = new BatchNorm2d(2);
    a.forward(randn([4, 2, 3, 3], { seed: 1 }));
    const b = new BatchNorm2d(2);
    b.loadStateDict(a.stateDict());
    expect(b.runningMean!.data).toEqual(a.runningMean!.data);
    expect(b.runningVar!.data).toEqual(a.runningVar!.data);
    const { runningVar: _, ...missing } = a.stateDict();
    expectError(
      () => b.loadStateDict(missing),
      ArgumentError,
      "loadStateDict: missing key 'runningVar' (shape [2]); expected a tensor for every parameter and buffer of the model",
    );
    expectError(
      () => b.loadStateDict({ ...a.stateDict(), extra: tensor([1]) }),
      ArgumentError,
      "loadStateDict: unexpected key 'extra'; the model's parameters and buffers are 'weight', 'bias', 'runningMean', 'runningVar'",
    );
  });

  it('an optimiser trains γ and β, never the statistics', () => {
    const net = new Sequential(new Linear(3, 4, { seed: 1 }), new BatchNorm1d(4), new ReLU());
    const opt = sgd(net.parameters(), { lr: 0.1 });
    const bn = net.at(1) as BatchNorm1d;
    sum(net.forward(randn([8, 3], { seed: 2 }))).backward();
    opt.step();
    expect(bn.runningMean!.grad).toBeNull();
    expect(Array.from(bn.bias!.data).some((v) => v !== 0)).toBe(true);
  });

  it('without affine or running statistics, and its errors', () => {
    const bn = new BatchNorm2d(2, { affine: false, trackRunningStats: false });
    expect(bn.parameterCount()).toBe(0);
    expect(bn.namedBuffers()).toEqual([]);
    expect(bn.describe()).toBe('BatchNorm2d(2, no affine, no running stats)');
    // evaluation without running statistics normalises with the batch's own, as PyTorch
    const y = bn.eval().forward(randn([3, 2, 2, 2], { seed: 3 }));
    expect(Math.abs(Array.from(y.data).reduce((s, v) => s + v, 0))).toBeLessThan(1e-12);
    expectError(
      () => new BatchNorm2d(3).forward(randn([2, 3, 4])),
      ShapeError,
      'BatchNorm2d(3): expected input [N, 3, H, W], got shape [2,3,4]',
    );
    expectError(
      () => new BatchNorm1d(3).forward(randn([2, 4])),
      ShapeError,
      'BatchNorm1d(3): expected input [N, 3] or [N, 3, L], got shape [2,4]',
    );
    expectError(
      () => new BatchNorm1d(0),
      ArgumentError,
      'BatchNorm1d: numFeatures must be a positive integer, got 0',
    );
  });
});
