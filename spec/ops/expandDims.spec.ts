import { describe, expect, it } from 'vitest';
import { ArgumentError, expandDims, tensor, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('expandDims', () => {
  it('inserts a dimension of size 1 at axis, negative axes counting from the new end', () => {
    expect(expandDims(zeros([3])).shape).toEqual([1, 3]);
    expect(expandDims(zeros([3]), 1).shape).toEqual([3, 1]);
    expect(expandDims(zeros([2, 3]), -1).shape).toEqual([2, 3, 1]);
    expect(expandDims(zeros([2, 3]), -3).shape).toEqual([1, 2, 3]);
    expect(expandDims(tensor(5), 0).toArray()).toEqual([5]);
  });

  it('rejects an axis beyond rank', () => {
    expectError(
      () => expandDims(zeros([3]), 2),
      ArgumentError,
      'expandDims: axis must be an integer in [-2, 1] for a tensor of rank 2, got 2',
    );
  });
});
