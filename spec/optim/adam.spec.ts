import { describe, expect, it } from 'vitest';
import { ArgumentError, adam, tensor } from '../../lib/index.js';
import { type AdamOracle, adamOracle } from './adamOracle.js';
import { expectClose, makeParams, moved, run } from './harness.js';

describe('adam matches its published update over several steps', () => {
  const cases: [string, AdamOracle][] = [
    ['defaults (lr 1e-3)', { lr: 1e-3 }],
    ['larger lr and other betas', { lr: 0.1, betas: [0.8, 0.99] }],
    ['L2 weight decay', { lr: 0.05, weightDecay: 0.1 }],
    ['amsgrad', { lr: 0.1, amsgrad: true }],
    ['large eps', { lr: 0.1, eps: 0.5 }],
  ];
  for (const [name, o] of cases) {
    it(name, () => {
      const params = makeParams();
      const expected = adamOracle(o, 8);
      expect(moved(expected)).toBe(true);
      const { decoupled: _, ...options } = o;
      const opt = name.startsWith('defaults') ? adam(params) : adam(params, options);
      expectClose(run(opt, params, 8), expected, 1e-11);
    });
  }

  it('bias correction: the first step moves each element by lr·g/(|g| + ε), about lr', () => {
    const p = tensor([1, 1, 1], { requiresGrad: true });
    p.grad = tensor([1e-3, -5, 200]);
    adam([p], { lr: 0.01 }).step();
    const g = [1e-3, -5, 200];
    Array.from(p.data).forEach((v, j) => {
      expect(v).toBeCloseTo(1 - (0.01 * g[j]) / (Math.abs(g[j]) + 1e-8), 14);
    });
  });

  it('amsgrad takes a smaller step than adam once the second moment falls', () => {
    const [a, b] = [tensor([0], { requiresGrad: true }), tensor([0], { requiresGrad: true })];
    const plain = adam([a], { lr: 0.1 });
    const ams = adam([b], { lr: 0.1, amsgrad: true });
    for (const g of [10, 10, 0.1, 0.1, 0.1]) {
      a.grad = tensor([g]);
      b.grad = tensor([g]);
      plain.step();
      ams.step();
    }
    expect(Math.abs(b.item())).toBeLessThan(Math.abs(a.item()));
    expect(ams.state().buffers.maxExpAvgSq).toBeDefined();
  });

  it('counts steps per parameter: a parameter without a gradient keeps its own step', () => {
    const params = makeParams();
    const opt = adam(params);
    params[0].grad = tensor(new Array(6).fill(1), { shape: [2, 3] });
    opt.step();
    params[1].grad = tensor([1, 1, 1, 1]);
    opt.step();
    expect(opt.state().buffers.step).toEqual([[2], [1]]);
  });
});

describe('adam option errors', () => {
  const p = () => [tensor([1], { requiresGrad: true })];
  const cases: [string, () => unknown, string | RegExp][] = [
    [
      'beta1 = 1',
      () => adam(p(), { betas: [1, 0.999] }),
      'adam: betas[0] must be a finite number in [0, 1), got 1',
    ],
    [
      'negative beta2',
      () => adam(p(), { betas: [0.9, -0.1] }),
      'adam: betas[1] must be a finite number in [0, 1), got -0.1',
    ],
    [
      'betas not a pair',
      () => adam(p(), { betas: [0.9] as never }),
      'adam: betas must be two numbers in [0, 1), got [0.9]',
    ],
    [
      'negative eps',
      () => adam(p(), { eps: -1e-8 }),
      'adam: eps must be a finite number ≥ 0, got -1e-8',
    ],
    ['negative lr', () => adam(p(), { lr: -1 }), /adam: lr must be a non-negative finite number/],
    [
      'negative weight decay',
      () => adam(p(), { weightDecay: -0.1 }),
      'adam: weightDecay must be a finite number ≥ 0, got -0.1',
    ],
    [
      'non-boolean amsgrad',
      () => adam(p(), { amsgrad: 1 as never }),
      'adam: amsgrad must be a boolean, got 1',
    ],
    [
      'unknown option',
      () => adam(p(), { beta1: 0.9 } as never),
      "adam: unknown option 'beta1' (known: lr, betas, eps, weightDecay, amsgrad)",
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(make).toThrow(ArgumentError);
      expect(make).toThrow(message);
    });
  }
});
