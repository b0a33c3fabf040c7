import { describe, expect, it } from 'vitest';
import { minimum, sum, tensor } from '../../lib/index.js';

describe('minimum', () => {
  it('the smaller of a and b, broadcast', () => {
    expect(minimum(tensor([1, 5]), 3).toArray()).toEqual([1, 3]);
    expect(minimum(2, tensor([[1], [4]])).toArray()).toEqual([[1], [2]]);
  });

  it('the gradient goes to the smaller operand; ties split it evenly', () => {
    const a = tensor([1, 2, 3], { requiresGrad: true });
    const b = tensor([3, 2, 1], { requiresGrad: true });
    sum(minimum(a, b)).backward();
    expect(a.grad?.toArray()).toEqual([1, 0.5, 0]);
    expect(b.grad?.toArray()).toEqual([0, 0.5, 1]);
  });
});
