import { describe, expect, it } from 'vitest';
import { log, sum, tensor } from '../../lib/index.js';
import { expectClose } from '../core/helpers.js';

describe('log', () => {
  it('computes ln x: −inf at 0 and NaN below, as numpy', () => {
    expectClose(log(tensor([1, Math.E, 10])), [0, 1, Math.LN10], 1e-15);
    expect(log(tensor([0])).item()).toBe(Number.NEGATIVE_INFINITY);
    expect(log(tensor([-1])).item()).toBeNaN();
  });

  it('d ln x = dx/x', () => {
    const x = tensor([2, 0.5], { requiresGrad: true });
    sum(log(x)).backward();
    expect(x.grad?.toArray()).toEqual([0.5, 2]);
  });
});
