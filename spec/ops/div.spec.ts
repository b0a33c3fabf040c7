import { describe, expect, it } from 'vitest';
import { div, sum, tensor } from '../../lib/index.js';

describe('div', () => {
  it('divides with broadcasting; x/0 is ±inf and 0/0 NaN, as IEEE and numpy', () => {
    expect(div(tensor([1, 3]), 2).toArray()).toEqual([0.5, 1.5]);
    expect(div(1, tensor([4])).toArray()).toEqual([0.25]);
    expect(div(tensor([1, -1, 0]), 0).toArray()).toEqual([
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
    ]);
  });

  it('d(a/b) = da/b − a·db/b²', () => {
    const a = tensor([3], { requiresGrad: true });
    const b = tensor([2], { requiresGrad: true });
    sum(div(a, b)).backward();
    expect(a.grad?.toArray()).toEqual([0.5]);
    expect(b.grad?.toArray()).toEqual([-0.75]);
  });
});
