import { describe, expect, it } from 'vitest';
import { ShapeError, stack, sum, tensor, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('stack', () => {
  it('joins tensors of one shape along a new axis', () => {
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    expect(stack([a, b]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(stack([a, b], 1).toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(stack([tensor(1), tensor(2)]).toArray()).toEqual([1, 2]);
  });

  it('the gradient of each input is its slice of the upstream gradient', () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor([3, 4], { requiresGrad: true });
    sum(stack([a, b, a], 1)).backward();
    expect(a.grad?.toArray()).toEqual([2, 2]);
    expect(b.grad?.toArray()).toEqual([1, 1]);
  });

  it('rejects different shapes', () => {
    expectError(
      () => stack([zeros([2, 3]), zeros([2, 4])]),
      ShapeError,
      'stack: every tensor must have the shape of the first, [2,3], got [2,4] at tensors[1]',
    );
  });
});
