import { describe, expect, it } from 'vitest';
import { ArgumentError, NonFiniteError, rmse, ShapeError } from '../../lib/index.js';

describe('rmse', () => {
  it('matches a hand computation', () => {
    expect(rmse([1, 2, 3], [1, 4, 0])).toBeCloseTo(Math.sqrt(13 / 3), 15);
    expect(rmse([[1, 2]], [[1, 2]])).toBe(0);
  });

  it('rejects broadcasting shapes, NaN and empty inputs', () => {
    expect(() => rmse([1, 2, 3], [1, 2])).toThrow(
      'rmse: predictions and targets must have the same shape, got [3] and [2]',
    );
    expect(() => rmse([1], [Number.POSITIVE_INFINITY])).toThrow(NonFiniteError);
    expect(() => rmse([], [])).toThrow(ArgumentError);
    expect(() => rmse([[1], [2]], [[1, 2]])).toThrow(ShapeError);
  });
});
