import { describe, expect, it } from 'vitest';
import { maximum, sum, tensor } from '../../lib/index.js';

describe('maximum', () => {
  it('the larger of a and b, broadcast; NaN propagates', () => {
    expect(maximum(tensor([1, 5]), 3).toArray()).toEqual([3, 5]);
    expect(maximum(tensor([[1], [4]]), tensor([2, 3])).toArray()).toEqual([
      [2, 3],
      [4, 4],
    ]);
    expect(maximum(tensor([Number.NaN]), 1).item()).toBeNaN();
    expect(maximum(tensor([1]), tensor([Number.NaN])).item()).toBeNaN();
  });

  it('the gradient goes to the larger operand; ties split it evenly', () => {
    const a = tensor([1, 2, 3], { requiresGrad: true });
    const b = tensor([3, 2, 1], { requiresGrad: true });
    sum(maximum(a, b)).backward();
    expect(a.grad?.toArray()).toEqual([0, 0.5, 1]);
    expect(b.grad?.toArray()).toEqual([1, 0.5, 0]);
  });

  it('a broadcast operand collects its gradient from every position it won', () => {
    const a = tensor([0, 2, 5]);
    const t = tensor(1, { requiresGrad: true });
    sum(maximum(a, t)).backward();
    expect(t.grad?.item()).toBe(1);
  });
});
