import { describe, expect, it } from 'vitest';
import { copyBox } from '../../lib/ops/region.js';

describe('copyBox', () => {
  it('reads the box at begin out of a larger array, row by row', () => {
    const big = Float64Array.from({ length: 24 }, (_, i) => i); // shape [2,3,4]
    const small = new Float64Array(4);
    copyBox(big, [2, 3, 4], small, [1, 2, 2], [1, 1, 2], false);
    expect([...small]).toEqual([18, 19, 22, 23]);
  });

  it('writes a block into the box, leaving the rest untouched', () => {
    const big = new Float64Array(6); // shape [2,3]
    copyBox(big, [2, 3], Float64Array.from([7, 8]), [2, 1], [0, 2], true);
    expect([...big]).toEqual([0, 0, 7, 0, 0, 8]);
  });

  it('handles scalars and empty boxes', () => {
    const big = Float64Array.from([5]);
    const small = new Float64Array(1);
    copyBox(big, [], small, [], [], false);
    expect(small[0]).toBe(5);
    copyBox(big, [1], new Float64Array(0), [0], [0], true);
    expect(big[0]).toBe(5);
  });
});
