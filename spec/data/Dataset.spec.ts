import { describe, expect, it } from 'vitest';
import { ArgumentError, Dataset, ShapeError, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('Dataset', () => {
  const ds = new Dataset(
    tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]),
    tensor([0, 1, 2]),
    {
      featureNames: ['a', 'b'],
      classNames: ['p', 'q', 'r'],
    },
  );

  it('holds x, y, length and names', () => {
    expect(ds.length).toBe(3);
    expect(ds.featureNames).toEqual(['a', 'b']);
    expect(String(ds)).toBe('Dataset(n=3, x=[3,2], y=[3], classes=3)');
  });

  it('subset copies the chosen rows in order, keeping names', () => {
    const s = ds.subset([2, 0, 2]);
    expect(s.x.toArray()).toEqual([
      [5, 6],
      [1, 2],
      [5, 6],
    ]);
    expect(s.y.toArray()).toEqual([2, 0, 2]);
    expect(s.classNames).toEqual(['p', 'q', 'r']);
    expect(s.x.data).not.toBe(ds.x.data);
  });

  it('subset rejects indices out of range', () => {
    expect(() => ds.subset([3])).toThrow(ArgumentError);
    expect(() => ds.subset([0, -1])).toThrow(
      'Dataset.subset: row index -1 at position 1 is out of range for 3 rows',
    );
  });

  it('rejects scalars and mismatched sample counts', () => {
    expect(() => new Dataset(tensor(1), tensor([1]))).toThrow(ShapeError);
    expect(() => new Dataset(tensor([[1], [2]]), tensor([1]))).toThrow(
      'Dataset: x and y must have the same number of samples, got x [2,1] and y [1]',
    );
  });

  // NOTE: new Dataset([[1, 2]], [0]) used to throw a TypeError (issue 12).
  it('x and y must be tensors', () => {
    expectError(
      () => new Dataset([[1, 2]] as never, [0] as never),
      ArgumentError,
      'Dataset: x must be a Tensor, got an array ([[1,2]]); make one with tensor(...), or a data set from arrays with fromArrays',
    );
    expectError(
      () => new Dataset(tensor([[1, 2]]), tensor([0]), { featureNames: 'ab' } as never),
      ArgumentError,
      'Dataset: featureNames must be a list of strings, got the string "ab"',
    );
  });
});
