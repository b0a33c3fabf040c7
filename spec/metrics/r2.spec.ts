import { describe, expect, it } from 'vitest';
import { r2, ShapeError } from '../../lib/index.js';

describe('r2', () => {
  it('matches the scikit-learn documentation example', () => {
    // y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0, 2, 8]: 1 − 1.5/29.1875
    expect(r2([2.5, 0, 2, 8], [3, -0.5, 2, 7])).toBeCloseTo(1 - 1.5 / 29.1875, 14);
  });

  it('averages per-column scores of [n, k] targets', () => {
    const yTrue = [
      [0.5, 1],
      [-1, 1],
      [7, -6],
    ];
    const yPred = [
      [0, 2],
      [-1, 2],
      [8, -5],
    ];
    // column 0: 1 − 1.25/(36 + 1/6); column 1: 1 − 3/(32 + 2/3)
    const expected = (1 - 1.25 / (36 + 1 / 6) + 1 - 3 / (32 + 2 / 3)) / 2;
    expect(r2(yPred, yTrue)).toBeCloseTo(expected, 14);
  });

  it('scores a constant target 1 when fitted exactly and 0 otherwise', () => {
    expect(r2([4, 4], [4, 4])).toBe(1);
    expect(r2([3, 4], [4, 4])).toBe(0);
  });

  it('is 0 for the mean predictor and negative for worse', () => {
    expect(r2([2, 2, 2], [1, 2, 3])).toBe(0);
    expect(r2([3, 2, 1], [1, 2, 3])).toBe(-3);
  });

  it('rejects mismatched shapes', () => {
    expect(() => r2([1, 2], [[1, 2]])).toThrow(ShapeError);
  });
});
