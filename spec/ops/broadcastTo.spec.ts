import { describe, expect, it } from 'vitest';
import { broadcastTo, ShapeError, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('broadcastTo', () => {
  it('stretches dimensions of size 1 and prepends missing ones', () => {
    expect(broadcastTo(tensor([1, 2]), [2, 2]).toArray()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(broadcastTo(tensor([[1], [2]]), [2, 3]).toArray()).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
    const x = tensor([1]);
    expect(broadcastTo(x, [1])).toBe(x);
  });

  it('the gradient sums over the stretched dimensions', () => {
    const x = tensor([[1], [2]], { requiresGrad: true });
    broadcastTo(x, [3, 2, 2]).backward(
      tensor(
        Float64Array.from({ length: 12 }, (_, i) => i),
        { shape: [3, 2, 2] },
      ),
    );
    // element [r, 0] receives Σ over batch b and column c of seed[b, r, c] = Σ (4b + 2r + c)
    expect(x.grad?.toArray()).toEqual([[0 + 1 + 4 + 5 + 8 + 9], [2 + 3 + 6 + 7 + 10 + 11]]);
  });

  it('names both shapes when the target does not fit', () => {
    expectError(
      () => broadcastTo(tensor([1, 2]), [3]),
      ShapeError,
      'broadcastTo: shapes [2] and [3] cannot be broadcast together (dimension 0: 2 vs 3)',
    );
    expectError(
      () => broadcastTo(tensor([1, 2]), [2, 1]),
      ShapeError,
      'broadcastTo: cannot broadcast [2] to [2,1]',
    );
    expectError(
      () => broadcastTo(tensor([[1, 2]]), [2]),
      ShapeError,
      'broadcastTo: cannot broadcast [1,2] to [2]',
    );
  });
});
