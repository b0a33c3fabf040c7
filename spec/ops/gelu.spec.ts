import { describe, expect, it } from 'vitest';
import { gelu, sum, tensor } from '../../lib/index.js';
import { expectClose } from '../core/helpers.js';

// Φ(1) and Φ(−1) of the standard normal distribution, and its density φ(1) = e^(−½)/√(2π).
const PHI_1 = 0.8413447460685429;
const PHI_M1 = 0.15865525393145707;
const DENSITY_1 = Math.exp(-0.5) / Math.sqrt(2 * Math.PI);

describe('gelu (exact erf form)', () => {
  it('x·Φ(x) at known points', () => {
    expectClose(gelu(tensor([0, 1, -1, 10])), [0, PHI_1, -PHI_M1, 10], 1e-15);
  });

  it('keeps relative accuracy far in the negative tail, where 1 + erf(x/√2) would cancel to 0', () => {
    // Φ(−10) = 7.619853024160527e-24
    const y = gelu(tensor([-10])).item();
    expect(Math.abs(y / (-10 * 7.619853024160527e-24) - 1)).toBeLessThan(1e-12);
  });

  it('d gelu = Φ(x) + x·φ(x)', () => {
    const x = tensor([0, 1], { requiresGrad: true });
    sum(gelu(x)).backward();
    expectClose(x.grad!, [0.5, PHI_1 + DENSITY_1], 1e-15);
  });

  it('works in float32', () => {
    const y = gelu(tensor([1], { dtype: 'float32' }));
    expect(y.dtype).toBe('float32');
    expect(y.item()).toBeCloseTo(PHI_1, 6);
  });
});
