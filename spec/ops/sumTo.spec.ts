import { describe, expect, it } from 'vitest';
import { ones } from '../../lib/autograd/index.js';
import '../../lib/ops/index.js';
import { sumTo } from '../../lib/ops/sumTo.js';

describe('sumTo (the backward of a broadcast)', () => {
  it('sums over prepended and stretched dimensions back to the shape', () => {
    const g = ones([4, 2, 3]);
    expect(sumTo(g, [3], 'float64').toArray()).toEqual([8, 8, 8]);
    expect(sumTo(g, [2, 1], 'float64').toArray()).toEqual([[12], [12]]);
    expect(sumTo(g, [], 'float64').toArray()).toBe(24);
    expect(sumTo(g, [4, 2, 3], 'float64')).toBe(g);
  });

  it("casts to the input's dtype", () => {
    expect(sumTo(ones([2]), [2], 'float32').dtype).toBe('float32');
  });
});
