import { describe, expect, it } from 'vitest';
import { exp, sum, tensor } from '../../lib/index.js';
import { expectClose } from '../core/helpers.js';

describe('exp', () => {
  it('computes eˣ (overflowing to inf past ~709, as IEEE)', () => {
    expectClose(exp(tensor([0, 1, -1])), [1, Math.E, 1 / Math.E], 1e-15);
    expect(exp(tensor([1000])).item()).toBe(Number.POSITIVE_INFINITY);
    expect(exp(tensor([-1000])).item()).toBe(0);
  });

  it('d eˣ = eˣ·dx, reusing the output', () => {
    const x = tensor([0, 2], { requiresGrad: true });
    sum(exp(x)).backward();
    expectClose(x.grad!, [1, Math.exp(2)], 1e-14);
  });
});
