import { describe, expect, it } from 'vitest';
import { ArgumentError, concat, ones, ShapeError, sum, tensor, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('concat', () => {
  it('joins along an existing axis', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    const b = tensor([[5, 6]]);
    expect(concat([a, b]).toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(concat([a, tensor([[7], [8]])], 1).toArray()).toEqual([
      [1, 2, 7],
      [3, 4, 8],
    ]);
    expect(concat([a, tensor([[7], [8]])], -1).shape).toEqual([2, 3]);
    expect(concat([tensor([1])]).toArray()).toEqual([1]);
  });

  it('promotes mixed dtypes', () => {
    expect(concat([ones([1], { dtype: 'float32' }), ones([1])]).dtype).toBe('float64');
    expect(concat([ones([1], { dtype: 'float32' }), ones([2], { dtype: 'float32' })]).dtype).toBe(
      'float32',
    );
  });

  it('gives each input the part of the gradient it filled', () => {
    const a = tensor([[1], [2]], { requiresGrad: true });
    const b = tensor(
      [
        [3, 4],
        [5, 6],
      ],
      { requiresGrad: true },
    );
    concat([a, b], 1).backward(
      tensor([
        [10, 20, 30],
        [40, 50, 60],
      ]),
    );
    expect(a.grad?.toArray()).toEqual([[10], [40]]);
    expect(b.grad?.toArray()).toEqual([
      [20, 30],
      [50, 60],
    ]);
    const c = tensor([1, 2], { requiresGrad: true });
    sum(concat([c, c])).backward();
    expect(c.grad?.toArray()).toEqual([2, 2]);
  });

  it('errors name the offending tensor and shapes', () => {
    expectError(
      () => concat([zeros([2, 3]), zeros([2, 4])]),
      ShapeError,
      'concat: tensors[1] has shape [2,4], which does not match [2,3] outside axis 0',
    );
    expectError(
      () => concat([]),
      ArgumentError,
      'concat: tensors must be a non-empty list of tensors, got []',
    );
    expectError(
      () => concat([tensor(1)]),
      ShapeError,
      'concat: cannot concatenate scalars (rank 0)',
    );
    expectError(
      () => concat([zeros([2]), 3 as never]),
      ArgumentError,
      'concat: tensors[1] must be a Tensor, got number',
    );
  });
});
