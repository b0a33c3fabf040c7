import { describe, expect, it } from 'vitest';
import { ShapeError, squeeze, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('squeeze', () => {
  it('removes all dimensions of size 1, or the ones named', () => {
    expect(squeeze(zeros([4, 1])).shape).toEqual([4]);
    expect(squeeze(zeros([1, 3, 1, 1])).shape).toEqual([3]);
    expect(squeeze(zeros([1, 3, 1]), 0).shape).toEqual([3, 1]);
    expect(squeeze(zeros([1, 3, 1]), [0, -1]).shape).toEqual([3]);
    expect(squeeze(zeros([1, 1])).shape).toEqual([]);
  });

  it('refuses to remove a dimension that is not 1', () => {
    expectError(
      () => squeeze(zeros([2, 3]), 1),
      ShapeError,
      'squeeze: dimension 1 of shape [2,3] has size 3; only dimensions of size 1 can be removed',
    );
  });
});
