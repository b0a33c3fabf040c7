import { describe, expect, it } from 'vitest';
import { ArgumentError, adam, adamw, tensor } from '../../lib/index.js';
import { adamOracle } from './adamOracle.js';
import { expectClose, makeParams, moved, run } from './harness.js';

describe('adamw', () => {
  it('matches Adam with decoupled weight decay (θ ← θ − lr·λ·θ, then Adam on the plain gradient)', () => {
    const params = makeParams();
    const expected = adamOracle({ lr: 0.05, weightDecay: 0.1, decoupled: true }, 8);
    expect(moved(expected)).toBe(true);
    expectClose(run(adamw(params, { lr: 0.05, weightDecay: 0.1 }), params, 8), expected, 1e-11);
  });

  it('with amsgrad too', () => {
    const params = makeParams();
    const expected = adamOracle({ lr: 0.1, weightDecay: 0.2, amsgrad: true, decoupled: true }, 8);
    expectClose(
      run(adamw(params, { lr: 0.1, weightDecay: 0.2, amsgrad: true }), params, 8),
      expected,
      1e-11,
    );
  });

  it('defaults to weight decay 0.01: with a zero gradient a step only shrinks θ by (1 − lr·0.01)', () => {
    const p = tensor([2, -4], { requiresGrad: true });
    p.grad = tensor([0, 0]);
    adamw([p], { lr: 0.1 }).step();
    expect(Array.from(p.data)).toEqual([2 * (1 - 0.1 * 0.01), -4 * (1 - 0.1 * 0.01)]);
  });

  it('differs from adam’s coupled L2 decay with the same λ', () => {
    const [a, b] = [makeParams(), makeParams()];
    const ra = run(adam(a, { lr: 0.05, weightDecay: 0.1 }), a, 3);
    const rb = run(adamw(b, { lr: 0.05, weightDecay: 0.1 }), b, 3);
    expect(ra[2]).not.toEqual(rb[2]);
  });

  it('names itself in errors and state', () => {
    const p = [tensor([1], { requiresGrad: true })];
    expect(() => adamw(p, { betas: [0.9, 1] })).toThrow(ArgumentError);
    expect(() => adamw(p, { betas: [0.9, 1] })).toThrow(
      'adamw: betas[1] must be a finite number in [0, 1), got 1',
    );
    expect(adamw(p).state().name).toBe('adamw');
  });
});
