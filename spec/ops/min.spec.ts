import { describe, expect, it } from 'vitest';
import { ArgumentError, min, sum, tensor, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('min', () => {
  it('along axes, with and without keepDims', () => {
    const x = tensor([
      [1, 5, 3],
      [7, 2, 0],
    ]);
    expect(min(x).item()).toBe(0);
    expect(min(x, 0).toArray()).toEqual([1, 2, 0]);
    expect(min(x, 1, true).toArray()).toEqual([[1], [0]]);
  });

  it('the gradient goes to the minimum; ties share it', () => {
    const t = tensor([2, 1, 1], { requiresGrad: true });
    sum(min(t)).backward();
    expect(t.grad?.toArray()).toEqual([0, 0.5, 0.5]);
  });

  it('refuses to reduce an empty axis', () => {
    expectError(
      () => min(zeros([0])),
      ArgumentError,
      'min: cannot reduce over an empty axis, got shape [0] and axes [0]',
    );
  });
});
