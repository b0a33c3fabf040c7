import { describe, expect, it } from 'vitest';
import { mul, Random, sigmoid, sub, sum, tensor } from '../../lib/index.js';
import { expectClose } from '../core/helpers.js';

describe('sigmoid', () => {
  it('1/(1 + e⁻ˣ) at known points', () => {
    expectClose(
      sigmoid(tensor([0, 2, -2])),
      [0.5, 1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(2))],
      1e-15,
    );
  });

  it('saturates without overflow at ±800: exactly 1 and a tiny positive value, gradients 0', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const x = tensor([800, -800], { dtype, requiresGrad: true });
      const y = sigmoid(x);
      expect(y.data[0]).toBe(1);
      expect(y.data[1]).toBeGreaterThanOrEqual(0);
      expect(y.data[1]).toBeLessThan(1e-300);
      sum(y).backward();
      expect([...x.grad!.data].every((g) => Number.isFinite(g) && Math.abs(g) < 1e-300)).toBe(true);
    }
  });

  it('its one-pass backward gives bit for bit mul(g, mul(y, sub(1, y))), the ops it replaces', () => {
    const rng = new Random(3);
    for (const dtype of ['float64', 'float32'] as const) {
      for (const n of [5, 455, 3000]) {
        const xs = Array.from({ length: n }, (_, i) => (i === 0 ? 40 : 6 * rng.normal()));
        const gs = Array.from({ length: n }, () => rng.normal());
        const x = tensor(xs, { dtype, requiresGrad: true });
        const g = tensor(gs, { dtype });
        const y = sigmoid(x);
        y.backward(g);
        const want = mul(g, mul(y.detach(), sub(1, y.detach())));
        expect(Array.from(x.grad!.data)).toEqual(Array.from(want.data));
      }
    }
  });

  it('dσ = σ(1 − σ)·dx', () => {
    const x = tensor([0, 1], { requiresGrad: true });
    sum(sigmoid(x)).backward();
    const s = 1 / (1 + Math.exp(-1));
    expectClose(x.grad!, [0.25, s * (1 - s)], 1e-15);
  });
});
