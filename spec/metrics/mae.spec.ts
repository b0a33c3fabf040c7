import { describe, expect, it } from 'vitest';
import { ArgumentError, mae, NonFiniteError, ShapeError, tensor } from '../../lib/index.js';

describe('mae', () => {
  it('matches a hand computation', () => {
    expect(mae([1, 2, 3], [1, 4, 0])).toBeCloseTo(5 / 3, 15);
    expect(mae(tensor([[1], [2]]), tensor([2, 2]))).toBe(0.5);
  });

  it('rejects broadcasting shapes, NaN and empty inputs', () => {
    expect(() => mae([[1, 2]], [1, 2])).toThrow(ShapeError);
    expect(() => mae([Number.NaN], [1])).toThrow(NonFiniteError);
    expect(() => mae([], [])).toThrow(ArgumentError);
  });
});
