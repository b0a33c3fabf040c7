import { describe, expect, it } from 'vitest';
import { mul, sum, tensor } from '../../lib/index.js';

describe('mul', () => {
  it('multiplies elementwise with broadcasting', () => {
    expect(
      mul(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor([[10], [100]]),
      ).toArray(),
    ).toEqual([
      [10, 20],
      [300, 400],
    ]);
    expect(mul(tensor([1.5]), 2).toArray()).toEqual([3]);
  });

  it('d(a·b) = b·da + a·db; x·x gives 2x', () => {
    const a = tensor([2, 3], { requiresGrad: true });
    const b = tensor([5, 7], { requiresGrad: true });
    sum(mul(a, b)).backward();
    expect(a.grad?.toArray()).toEqual([5, 7]);
    expect(b.grad?.toArray()).toEqual([2, 3]);
    const x = tensor([4], { requiresGrad: true });
    sum(mul(x, x)).backward();
    expect(x.grad?.toArray()).toEqual([8]);
  });
});
