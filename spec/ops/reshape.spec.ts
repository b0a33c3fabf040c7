import { describe, expect, it } from 'vitest';
import { ArgumentError, arange, reshape, ShapeError, sum, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('reshape', () => {
  it('keeps the row-major order, infers one −1, and shares storage', () => {
    const x = arange(6);
    const y = reshape(x, [2, -1]);
    expect(y.toArray()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(y.data).toBe(x.data);
    expect(reshape(x, [3, 1, 2]).shape).toEqual([3, 1, 2]);
    expect(reshape(tensor([5]), []).shape).toEqual([]);
  });

  it('the gradient is reshaped back', () => {
    const x = tensor([1, 2, 3, 4], { requiresGrad: true });
    reshape(x, [2, 2]).backward(
      tensor([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(x.grad?.toArray()).toEqual([1, 2, 3, 4]);
  });

  it('errors name both shapes', () => {
    expectError(
      () => reshape(arange(6), [4, 2]),
      ShapeError,
      'reshape: cannot reshape [6] (6 elements) into [4,2]',
    );
    expectError(
      () => reshape(arange(6), [4, -1]),
      ShapeError,
      'reshape: cannot reshape [6] (6 elements) into [4,-1]',
    );
    expectError(
      () => reshape(arange(6), [-1, -1]),
      ArgumentError,
      'reshape: at most one dimension can be -1, got [-1,-1]',
    );
    expectError(
      () => reshape(arange(6), [2.5, 2]),
      ArgumentError,
      'reshape: shape must be a list of integers ≥ -1, got [2.5,2]',
    );
    expect(sum(arange(6)).item()).toBe(15);
  });
});
