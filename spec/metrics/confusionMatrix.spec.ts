import { describe, expect, it } from 'vitest';
import { ArgumentError, confusionMatrix, ShapeError } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('confusionMatrix', () => {
  it('counts (target, prediction) pairs: rows are targets, columns predictions', () => {
    expect(confusionMatrix([0, 2, 1, 1], [0, 1, 1, 2])).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 1, 0],
    ]);
  });

  it('takes argmax of score rows and pads to numClasses', () => {
    const m = confusionMatrix(
      [
        [0.9, 0.1],
        [0.2, 0.8],
      ],
      [1, 1],
      { numClasses: 3 },
    );
    expect(m).toEqual([
      [0, 0, 0],
      [1, 1, 0],
      [0, 0, 0],
    ]);
  });

  it('rejects labels beyond numClasses, a bad numClasses and mismatched lengths', () => {
    expect(() => confusionMatrix([0, 2], [0, 1], { numClasses: 2 })).toThrow(
      'confusionMatrix: class index 2 is out of range for numClasses 2',
    );
    expect(() => confusionMatrix([0], [0], { numClasses: 0 })).toThrow(ArgumentError);
    expect(() => confusionMatrix([0, 1], [0])).toThrow(ShapeError);
  });

  // NOTE: confusionMatrix([30000], [0]) used to allocate a 30001² grid and run out of memory (issue 12).
  it('refuses class indices that would make a huge matrix, before allocating it', () => {
    expectError(
      () => confusionMatrix([30000], [0]),
      ArgumentError,
      'confusionMatrix: class index 30000 (in predictions) is out of range: expected class indices below 4096, as the matrix is k×k (encode raw labels with labelEncoder first)',
    );
    expectError(
      () => confusionMatrix([0], [1e15]),
      ArgumentError,
      'confusionMatrix: class index 1000000000000000 (in targets) is out of range: expected class indices below 4096, as the matrix is k×k (encode raw labels with labelEncoder first)',
    );
    expectError(
      () => confusionMatrix([0], [0], { numClasses: 1e6 }),
      ArgumentError,
      'confusionMatrix: numClasses must be an integer in [1, 4096], got 1000000',
    );
    expect(confusionMatrix([4095], [0]).length).toBe(4096);
  });
});
