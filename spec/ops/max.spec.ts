import { describe, expect, it } from 'vitest';
import { ArgumentError, max, sum, tensor, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

const x = tensor([
  [1, 5, 3],
  [7, 2, 0],
]);

describe('max', () => {
  it('over all axes or along axes, with and without keepDims', () => {
    expect(max(x).item()).toBe(7);
    expect(max(x, 0).toArray()).toEqual([7, 5, 3]);
    expect(max(x, 1).toArray()).toEqual([5, 7]);
    expect(max(x, -1, true).toArray()).toEqual([[5], [7]]);
    expect(max(tensor([-1000, -2000])).item()).toBe(-1000);
    expect(max(tensor([1, Number.NaN, 3])).item()).toBeNaN();
  });

  it('the gradient goes to the position of the maximum', () => {
    const t = tensor(
      [
        [1, 5, 3],
        [7, 2, 0],
      ],
      { requiresGrad: true },
    );
    max(t, 1).backward(tensor([10, 20]));
    expect(t.grad?.toArray()).toEqual([
      [0, 10, 0],
      [20, 0, 0],
    ]);
  });

  it('ties share the gradient evenly', () => {
    const t = tensor([1, 3, 3, 3], { requiresGrad: true });
    sum(max(t)).backward();
    expect(t.grad?.toArray()).toEqual([0, 1 / 3, 1 / 3, 1 / 3]);
  });

  it('refuses to reduce an empty axis', () => {
    expectError(
      () => max(zeros([0, 3]), 0),
      ArgumentError,
      'max: cannot reduce over an empty axis, got shape [0,3] and axes [0]',
    );
    expect(max(zeros([0, 3]), 1).shape).toEqual([0]);
  });
});
