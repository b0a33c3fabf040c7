import { describe, expect, it } from 'vitest';
import { ArgumentError, rmsprop, tensor } from '../../lib/index.js';
import { expectClose, makeParams, moved, oracle, run, type Vec } from './harness.js';

interface RmsOracle {
  lr: number;
  alpha?: number;
  eps?: number;
  momentum?: number;
  centered?: boolean;
  weightDecay?: number;
}

// torch.optim.RMSprop as its documentation writes the algorithm
function rmsOracle(o: RmsOracle, steps: number): Vec[][] {
  const { lr, alpha = 0.99, eps = 1e-8, momentum: mu = 0, weightDecay: wd = 0 } = o;
  return oracle(
    steps,
    (n) => ({
      v: new Array<number>(n).fill(0),
      gAve: new Array<number>(n).fill(0),
      b: new Array<number>(n).fill(0),
    }),
    (theta, grad, s, _t) => {
      for (let j = 0; j < theta.length; j++) {
        let g = grad[j];
        if (wd !== 0) g = g + wd * theta[j];
        s.v[j] = alpha * s.v[j] + (1 - alpha) * g * g;
        let vTilde = s.v[j];
        if (o.centered) {
          s.gAve[j] = alpha * s.gAve[j] + (1 - alpha) * g;
          vTilde = vTilde - s.gAve[j] * s.gAve[j];
        }
        if (mu > 0) {
          s.b[j] = mu * s.b[j] + g / (Math.sqrt(vTilde) + eps);
          theta[j] = theta[j] - lr * s.b[j];
        } else theta[j] = theta[j] - (lr * g) / (Math.sqrt(vTilde) + eps);
      }
    },
  );
}

describe('rmsprop matches its published update over several steps', () => {
  const cases: [string, RmsOracle][] = [
    ['defaults (lr 1e-2, α 0.99)', { lr: 1e-2 }],
    ['other alpha', { lr: 0.01, alpha: 0.9 }],
    ['momentum', { lr: 0.01, momentum: 0.9 }],
    ['centered', { lr: 0.01, centered: true }],
    [
      'centered with momentum and weight decay',
      { lr: 0.005, centered: true, momentum: 0.5, weightDecay: 0.1 },
    ],
  ];
  for (const [name, o] of cases) {
    it(name, () => {
      const params = makeParams();
      const expected = rmsOracle(o, 8);
      expect(moved(expected)).toBe(true);
      const opt = name.startsWith('defaults') ? rmsprop(params) : rmsprop(params, o);
      expectClose(run(opt, params, 8), expected, 1e-11);
    });
  }

  it('keeps only the buffers its options need', () => {
    const p = () => [tensor([1], { requiresGrad: true })];
    expect(Object.keys(rmsprop(p()).state().buffers)).toEqual(['squareAvg']);
    expect(
      Object.keys(rmsprop(p(), { momentum: 0.9, centered: true }).state().buffers).sort(),
    ).toEqual(['gradAvg', 'momentum', 'squareAvg']);
  });

  it('the centered variance never goes negative (a constant gradient has variance ≈ 0)', () => {
    const p = tensor([0], { requiresGrad: true });
    const opt = rmsprop([p], { lr: 1e-3, centered: true, eps: 1e-3 });
    for (let i = 0; i < 50; i++) {
      p.grad = tensor([0.3]);
      opt.step();
    }
    expect(Number.isFinite(p.item())).toBe(true);
  });
});

describe('rmsprop option errors', () => {
  const p = () => [tensor([1], { requiresGrad: true })];
  const cases: [string, () => unknown, string][] = [
    [
      'alpha = 1',
      () => rmsprop(p(), { alpha: 1 }),
      'rmsprop: alpha must be a finite number in [0, 1), got 1',
    ],
    [
      'negative eps',
      () => rmsprop(p(), { eps: -1 }),
      'rmsprop: eps must be a finite number ≥ 0, got -1',
    ],
    [
      'negative momentum',
      () => rmsprop(p(), { momentum: -0.1 }),
      'rmsprop: momentum must be a finite number ≥ 0, got -0.1',
    ],
    [
      'non-boolean centered',
      () => rmsprop(p(), { centered: 'yes' as never }),
      'rmsprop: centered must be a boolean, got "yes"',
    ],
    [
      'unknown option',
      () => rmsprop(p(), { rho: 0.9 } as never),
      "rmsprop: unknown option 'rho' (known: lr, alpha, eps, momentum, centered, weightDecay)",
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(make).toThrow(ArgumentError);
      expect(make).toThrow(message);
    });
  }
});
