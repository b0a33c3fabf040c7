import { describe, expect, it } from 'vitest';
import { ArgumentError, mse, ShapeError, tensor, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('mse', () => {
  it('is the mean of squared errors over every element', () => {
    expect(mse(tensor([1, 2]), tensor([1, 4])).item()).toBe(2);
    expect(mse(tensor([[1], [3]]), tensor([[0], [0]])).item()).toBe(5);
    expect(mse(tensor([1, 3]), 1).item()).toBe(2);
  });

  it('d mse/d pred = 2(pred − target)/n', () => {
    const p = tensor([1, 2], { requiresGrad: true });
    mse(p, tensor([1, 4])).backward();
    expect(p.grad?.toArray()).toEqual([0, -2]);
  });

  it('the (N,) vs (N,1) trap is a ShapeError, not a silent N×N broadcast', () => {
    expectError(
      () => mse(zeros([4]), zeros([4, 1])),
      ShapeError,
      'mse: pred and target must have the same shape, got [4] and [4,1]',
    );
    expectError(
      () => mse(zeros([4]), [1, 2] as never),
      ArgumentError,
      'mse: target must be a Tensor, got object',
    );
  });

  // NOTE: an empty batch used to give a NaN loss (issue 12).
  it('an empty batch is a ShapeError, not NaN', () => {
    expectError(
      () => mse(zeros([0, 1]), zeros([0, 1])),
      ShapeError,
      'mse: pred is empty (shape [0,1]), and a mean over no elements is NaN; expected at least one element (an empty batch?)',
    );
    expectError(
      () => mse(zeros([0]), 1),
      ShapeError,
      'mse: pred is empty (shape [0]), and a mean over no elements is NaN; expected at least one element (an empty batch?)',
    );
  });
});
