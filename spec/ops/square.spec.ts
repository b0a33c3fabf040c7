import { describe, expect, it } from 'vitest';
import { square, sum, tensor } from '../../lib/index.js';

describe('square', () => {
  it('x² with gradient 2x', () => {
    const x = tensor([-2, 3], { requiresGrad: true });
    const y = square(x);
    expect(y.toArray()).toEqual([4, 9]);
    sum(y).backward();
    expect(x.grad?.toArray()).toEqual([-4, 6]);
  });
});
