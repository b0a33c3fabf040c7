import { describe, expect, it } from 'vitest';
import { ArgumentError, binaryAccuracy, ShapeError, tensor } from '../../lib/index.js';

describe('binaryAccuracy', () => {
  it('thresholds at 0.5 by default (p ≥ threshold counts as 1)', () => {
    // predicted 1, 0, 1, 1 against 1, 0, 0, 1
    expect(binaryAccuracy([0.9, 0.4, 0.6, 0.5], [1, 0, 0, 1])).toBe(3 / 4);
  });

  it('uses another threshold', () => {
    // predicted 1, 0, 1, 0 against 1, 0, 0, 1
    expect(binaryAccuracy([0.9, 0.4, 0.6, 0.5], [1, 0, 0, 1], 0.55)).toBe(1 / 2);
  });

  it('accepts a [n, 1] column against a [n] vector, and equal multi-label shapes', () => {
    expect(binaryAccuracy(tensor([[0.8], [0.1]]), tensor([1, 0]))).toBe(1);
    expect(
      binaryAccuracy(
        [
          [0.8, 0.1],
          [0.3, 0.6],
        ],
        [
          [1, 1],
          [0, 1],
        ],
      ),
    ).toBe(3 / 4);
  });

  it('rejects other shape mismatches, non-binary targets and a bad threshold', () => {
    expect(() => binaryAccuracy([[0.8, 0.2]], [1, 0])).toThrow(ShapeError);
    expect(() => binaryAccuracy([0.1, 0.2, 0.3], [1, 0])).toThrow(
      'binaryAccuracy: predictions and targets must have the same shape, got [3] and [2]',
    );
    expect(() => binaryAccuracy([0.1], [2])).toThrow(
      'binaryAccuracy: targets must be 0 or 1, got 2 at flat index 0',
    );
    expect(() => binaryAccuracy([0.1], [1], Number.NaN)).toThrow(ArgumentError);
  });
});
