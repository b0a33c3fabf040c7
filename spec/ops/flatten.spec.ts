import { describe, expect, it } from 'vitest';
import { ArgumentError, arange, flatten, reshape, tensor, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('flatten', () => {
  it('merges axes startAxis..endAxis (all by default), keeping row-major order', () => {
    expect(flatten(zeros([8, 2, 3]), 1).shape).toEqual([8, 6]);
    expect(flatten(zeros([8, 2, 3])).shape).toEqual([48]);
    expect(flatten(zeros([2, 3, 4, 5]), 1, 2).shape).toEqual([2, 12, 5]);
    expect(flatten(zeros([2, 3, 4]), -2).shape).toEqual([2, 12]);
    expect(flatten(reshape(arange(4), [2, 2])).toArray()).toEqual([0, 1, 2, 3]);
    expect(flatten(tensor(3)).shape).toEqual([1]);
  });

  it('rejects a start after the end', () => {
    expectError(
      () => flatten(zeros([2, 3]), 1, 0),
      ArgumentError,
      'flatten: startAxis must not come after endAxis, got 1 and 0 for rank 2',
    );
  });
});
