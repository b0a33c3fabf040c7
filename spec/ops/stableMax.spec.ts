import { describe, expect, it } from 'vitest';
import { tensor } from '../../lib/autograd/index.js';
import '../../lib/ops/index.js';
import { stableMax } from '../../lib/ops/stableMax.js';

describe('stableMax', () => {
  it('is the max with kept dimensions, a constant, with non-finite maxima replaced by 0', () => {
    const x = tensor(
      [
        [1, 5],
        [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
      ],
      {
        requiresGrad: true,
      },
    );
    const m = stableMax(x, [1]);
    expect(m.toArray()).toEqual([[5], [0]]);
    expect(m.requiresGrad).toBe(false);
  });
});
