import { describe, expect, it } from 'vitest';
import { sub, sum, tensor } from '../../lib/index.js';

describe('sub', () => {
  it('subtracts with broadcasting and numbers on either side', () => {
    expect(sub(tensor([5, 7]), tensor([[1], [2]])).toArray()).toEqual([
      [4, 6],
      [3, 5],
    ]);
    expect(sub(1, tensor([0.25])).toArray()).toEqual([0.75]);
  });

  it('d(a − b) = da − db, summed back over broadcast dimensions', () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor(3, { requiresGrad: true });
    sum(sub(a, b)).backward();
    expect(a.grad?.toArray()).toEqual([1, 1]);
    expect(b.grad?.toArray()).toBe(-2);
  });
});
