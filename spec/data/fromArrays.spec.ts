import { describe, expect, it } from 'vitest';
import { ArgumentError, fromArrays, NonFiniteError, ShapeError, tensor } from '../../lib/index.js';

describe('fromArrays', () => {
  it('builds a Dataset from nested arrays, with names and dtype', () => {
    const ds = fromArrays(
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      [0, 1, 1, 0],
      {
        featureNames: ['a', 'b'],
        classNames: ['off', 'on'],
        dtype: 'float32',
      },
    );
    expect(ds.length).toBe(4);
    expect(ds.x.shape).toEqual([4, 2]);
    expect(ds.y.toArray()).toEqual([0, 1, 1, 0]);
    expect(ds.x.dtype).toBe('float32');
    expect(ds.featureNames).toEqual(['a', 'b']);
    expect(ds.classNames).toEqual(['off', 'on']);
  });

  it('accepts tensors (detached from any graph)', () => {
    const x = tensor([[1], [2]], { requiresGrad: true });
    const ds = fromArrays(x, tensor([3, 4]));
    expect(ds.x.requiresGrad).toBe(false);
    expect(ds.x.toArray()).toEqual([[1], [2]]);
    expect(() => fromArrays(x, tensor([3, 4]), { dtype: 'float32' })).toThrow(ArgumentError);
  });

  it('rejects NaN and infinite values, naming the sample', () => {
    expect(() => fromArrays([[1], [Number.NaN]], [0, 1])).toThrow(NonFiniteError);
    expect(() => fromArrays([[1], [Number.NaN]], [0, 1])).toThrow(
      'fromArrays: x holds NaN in sample 1',
    );
    expect(() => fromArrays([[1], [2]], [0, Number.POSITIVE_INFINITY])).toThrow(
      /y holds Infinity in sample 1/,
    );
  });

  it('rejects mismatched sample counts, ragged rows and non-arrays', () => {
    expect(() => fromArrays([[1], [2]], [0, 1, 2])).toThrow(ShapeError);
    expect(() => fromArrays([[1, 2], [3]], [0, 1])).toThrow(ShapeError);
    expect(() => fromArrays(3 as never, [0])).toThrow(ArgumentError);
    expect(() => fromArrays([[1, 2]], [0], { featureNames: ['a'] })).toThrow(
      'Dataset: 1 feature names for 2 features',
    );
  });
});
