import { describe, expect, it } from 'vitest';
import { sqrt, sum, tensor } from '../../lib/index.js';

describe('sqrt', () => {
  it('√x, NaN below 0', () => {
    expect(sqrt(tensor([4, 9, 0])).toArray()).toEqual([2, 3, 0]);
    expect(sqrt(tensor([-1])).item()).toBeNaN();
  });

  it('d√x = 1/(2√x); +inf at 0', () => {
    const x = tensor([4, 0], { requiresGrad: true });
    sum(sqrt(x)).backward();
    expect(x.grad?.toArray()).toEqual([0.25, Number.POSITIVE_INFINITY]);
  });
});
