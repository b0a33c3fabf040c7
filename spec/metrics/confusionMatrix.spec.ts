import { describe, expect, it } from 'vitest';
import { ArgumentError, confusionMatrix, ShapeError } from '../../lib/index.js';

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
});
