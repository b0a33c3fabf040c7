import { describe, expect, it } from 'vitest';
import { ArgumentError, accuracy, NonFiniteError, ShapeError, tensor } from '../../lib/index.js';

describe('accuracy', () => {
  it('compares class indices', () => {
    expect(accuracy([0, 1, 2, 1], [0, 2, 2, 1])).toBe(3 / 4);
    expect(accuracy(tensor([1, 1]), tensor([1, 1]))).toBe(1);
  });

  it('takes the argmax of score rows and one-hot rows', () => {
    const scores = [
      [0.1, 0.7, 0.2],
      [2, -1, 0],
      [0, 0, 5],
    ];
    expect(accuracy(scores, [1, 0, 1])).toBe(2 / 3);
    expect(
      accuracy(scores, [
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 1],
      ]),
    ).toBe(1);
    expect(accuracy(tensor([[0], [2]]), [0, 2])).toBe(1); // a column of indices
  });

  it('rejects probabilities of one class, mismatched lengths, bad ranks, NaN and no samples', () => {
    expect(() => accuracy([[0.7], [0.2]], [1, 0])).toThrow(ArgumentError);
    expect(() => accuracy([0.7, 0.2], [1, 0])).toThrow(/use binaryAccuracy/);
    expect(() => accuracy([0, 1, 1], [0, 1])).toThrow(ShapeError);
    expect(() => accuracy([0, 1, 1], [0, 1])).toThrow(
      'accuracy: predictions and targets must have the same number of samples, got 3 and 2',
    );
    expect(() => accuracy([[[1, 0]]], [0])).toThrow(ShapeError);
    expect(() => accuracy([0, Number.NaN], [0, 1])).toThrow(NonFiniteError);
    expect(() => accuracy([], [])).toThrow('accuracy: no samples');
    expect(() => accuracy([-1], [0])).toThrow(/integers ≥ 0/);
  });
});
