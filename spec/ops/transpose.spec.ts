import { describe, expect, it } from 'vitest';
import { ArgumentError, arange, reshape, tensor, transpose } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('transpose', () => {
  it('reverses the axes by default', () => {
    expect(
      transpose(
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ).toArray(),
    ).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('permutes by perm: out[i,j,k] = x[perm-indexed]', () => {
    const x = reshape(arange(24), [2, 3, 4]);
    const y = transpose(x, [1, 2, 0]);
    expect(y.shape).toEqual([3, 4, 2]);
    // y[j,k,i] = x[i,j,k] = 12i + 4j + k
    const a = y.toArray() as number[][][];
    expect(a[2][3][1]).toBe(12 + 8 + 3);
    expect(transpose(x, [-3, -2, -1]).data).toBe(x.data);
  });

  it('the gradient is transposed back by the inverse permutation', () => {
    const x = tensor([[[1, 2]], [[3, 4]]], { requiresGrad: true });
    transpose(x, [2, 0, 1]).backward(
      tensor([
        [[10], [30]],
        [[20], [40]],
      ]),
    );
    expect(x.grad?.toArray()).toEqual([[[10, 20]], [[30, 40]]]);
  });

  it('rejects a perm that is not a permutation of the axes', () => {
    expectError(
      () => transpose(arange(6).reshape([2, 3]), [0, 0]),
      ArgumentError,
      'transpose: perm must be a permutation of 0..1 for shape [2,3], got [0,0]',
    );
  });

  // NOTE: transpose(x, 'ab') used to throw a TypeError (issue 12).
  it('a perm that is not a list is an ArgumentError', () => {
    expectError(
      () => transpose(tensor([[1, 2]]), 'ab' as never),
      ArgumentError,
      'transpose: perm must be a list of axes (a permutation of 0..1), got "ab"',
    );
  });
});
