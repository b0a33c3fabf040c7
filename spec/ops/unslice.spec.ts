import { describe, expect, it } from 'vitest';
import { tensor } from '../../lib/autograd/index.js';
import { ArgumentError } from '../../lib/core/index.js';
import { sum } from '../../lib/ops/index.js';
import { unslice } from '../../lib/ops/unslice.js';
import { expectError } from '../core/helpers.js';

describe('unslice (the backward of slice)', () => {
  it('writes x into zeros of shape at begin', () => {
    expect(unslice(tensor([1, 2]), [4], [1]).toArray()).toEqual([0, 1, 2, 0]);
    expect(unslice(tensor([[5]]), [2, 2], [1, 0]).toArray()).toEqual([
      [0, 0],
      [5, 0],
    ]);
  });

  it('its gradient is the slice it wrote', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    sum(unslice(x, [4], [2]).mul(tensor([1, 2, 3, 4]))).backward();
    expect(x.grad?.toArray()).toEqual([3, 4]);
  });

  it('rejects a box that does not fit', () => {
    expectError(
      () => unslice(tensor([1, 2]), [2], [1]),
      ArgumentError,
      'unslice: a box of shape [2] at [1] does not fit in shape [2]',
    );
  });
});
