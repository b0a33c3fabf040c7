import { describe, expect, it } from 'vitest';
import { softplus, sum, tensor } from '../../lib/index.js';
import { expectClose } from '../core/helpers.js';

describe('softplus', () => {
  it('ln(1 + eˣ) at known points', () => {
    expectClose(
      softplus(tensor([0, 1, -1])),
      [Math.LN2, Math.log(1 + Math.E), Math.log(1 + 1 / Math.E)],
      1e-15,
    );
  });

  it('is finite and exact at ±800 (x and 0), with gradients σ(±800) = 1 and 0', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const x = tensor([800, -800], { dtype, requiresGrad: true });
      const y = softplus(x);
      expect([...y.data]).toEqual([800, 0]);
      sum(y).backward();
      expect(x.grad!.data[0]).toBe(1);
      expect(x.grad!.data[1]).toBeLessThan(1e-300);
    }
  });

  it('d softplus = σ(x)', () => {
    const x = tensor([0.3], { requiresGrad: true });
    sum(softplus(x)).backward();
    expectClose(x.grad!, [1 / (1 + Math.exp(-0.3))], 1e-15);
  });
});
