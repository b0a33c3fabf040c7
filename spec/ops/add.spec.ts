import { describe, expect, it } from 'vitest';
import { ArgumentError, add, matmul, ShapeError, sum, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('add', () => {
  it('adds elementwise with numpy broadcasting, numbers included', () => {
    expect(
      add(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor([10, 20]),
      ).toArray(),
    ).toEqual([
      [11, 22],
      [13, 24],
    ]);
    expect(add(tensor([1, 2]), 10).toArray()).toEqual([11, 12]);
    expect(add(10, tensor([1, 2])).toArray()).toEqual([11, 12]);
    expect(add(tensor([[1], [2]]), tensor([10, 20])).shape).toEqual([2, 2]);
  });

  it('promotes dtypes as numpy; a number takes the tensor dtype', () => {
    const f32 = tensor([1], { dtype: 'float32' });
    expect(add(f32, tensor([1])).dtype).toBe('float64');
    expect(add(f32, 0.5).dtype).toBe('float32');
    expect(add(1, 2).dtype).toBe('float64');
  });

  it('the gradient of a broadcast bias is the column sums of the upstream gradient', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = tensor([0.1, 0.2, 0.3], { requiresGrad: true });
    const seed = tensor([
      [1, 2, 3],
      [10, 20, 30],
    ]);
    add(x, b).backward(seed);
    expect(b.grad?.toArray()).toEqual([11, 22, 33]);
    // the same through a layer: y = x·W + b, loss = Σy → db = batch size per column
    const W = tensor([[1], [1], [1]], { requiresGrad: true });
    const bias = tensor([0], { requiresGrad: true });
    sum(add(matmul(x, W), bias)).backward();
    expect(bias.grad?.toArray()).toEqual([2]);
    expect(W.grad?.toArray()).toEqual([[5], [7], [9]]);
  });

  it('names the op and both shapes when shapes do not broadcast', () => {
    expectError(
      () => add(tensor([[1, 2, 3]]), tensor([1, 2])),
      ShapeError,
      'add: shapes [1,3] and [2] cannot be broadcast together (dimension 1: 3 vs 2)',
    );
    expectError(
      () => add(tensor([1]), 'x' as never),
      ArgumentError,
      'add: b must be a Tensor or a number, got string',
    );
  });
});
