import { describe, expect, it } from 'vitest';
import { abs, sum, tensor } from '../../lib/index.js';

describe('abs', () => {
  it('|x| with gradient sign(x), and 0 at 0', () => {
    const x = tensor([-2, 0, 3], { requiresGrad: true });
    const y = abs(x);
    expect(y.toArray()).toEqual([2, 0, 3]);
    sum(y).backward();
    expect(x.grad?.toArray()).toEqual([-1, 0, 1]);
  });
});
