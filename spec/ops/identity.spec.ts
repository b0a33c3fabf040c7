import { describe, expect, it } from 'vitest';
import { identity, mul, sum, tensor } from '../../lib/index.js';

describe('identity', () => {
  it('returns the same values as a new node that shares storage', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = identity(x);
    expect(y).not.toBe(x);
    expect(y.data).toBe(x.data);
    expect(y.node?.op).toBe('identity');
    sum(mul(y, 3)).backward();
    expect(x.grad?.toArray()).toEqual([3, 3]);
  });
});
