import { describe, expect, it } from 'vitest';
import { ArgumentError, mean, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

const x = tensor([
  [1, 2, 3],
  [4, 5, 6],
]);

describe('mean', () => {
  it('over all axes, each axis, with and without keepDims', () => {
    expect(mean(x).item()).toBe(3.5);
    expect(mean(x, 0).toArray()).toEqual([2.5, 3.5, 4.5]);
    expect(mean(x, 1).toArray()).toEqual([2, 5]);
    expect(mean(x, -1, true).toArray()).toEqual([[2], [5]]);
    expect(mean(x, [0, 1], true).toArray()).toEqual([[3.5]]);
  });

  it('the gradient is 1/n on every element that was averaged', () => {
    const t = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { requiresGrad: true },
    );
    mean(t).backward();
    expect(t.grad?.toArray()).toEqual([
      [1 / 6, 1 / 6, 1 / 6],
      [1 / 6, 1 / 6, 1 / 6],
    ]);
    const u = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { requiresGrad: true },
    );
    mean(u, 1).backward(tensor([3, 6]));
    expect(u.grad?.toArray()).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
  });

  it('names itself in axis errors', () => {
    expectError(() => mean(x, [0, 0]), ArgumentError, 'mean: axes must be distinct, got [0,0]');
  });
});
