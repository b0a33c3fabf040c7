import { describe, expect, it } from 'vitest';
import { tensor } from '../../lib/autograd/index.js';
import { ArgumentError, ShapeError } from '../../lib/core/index.js';
import '../../lib/ops/index.js';
import { lossOperands, toIndices, toTensor } from '../../lib/ops/util.js';
import { expectError } from '../core/helpers.js';

describe('op helpers', () => {
  it('toTensor makes a scalar of the requested dtype from a number', () => {
    const t = toTensor(2, 'float32', 'add', 'b');
    expect(t.dtype).toBe('float32');
    expect(t.shape).toEqual([]);
    expectError(
      () => toTensor(null as never, 'float64', 'add', 'b'),
      ArgumentError,
      'add: b must be a Tensor or a number, got null',
    );
  });

  it('toIndices validates and keeps the shape', () => {
    const idx = toIndices(tensor([[1, 0]]), 2, 'gather', 'indices');
    expect([...idx.data]).toEqual([1, 0]);
    expect(idx.shape).toEqual([1, 2]);
    expect(toIndices(new Int32Array([3]), 4, 'gather', 'indices').shape).toEqual([1]);
    expectError(
      () => toIndices([Number.NaN], 4, 'gather', 'indices'),
      ArgumentError,
      'gather: indices[0] must be an integer in [0, 4), got NaN',
    );
  });

  it('lossOperands refuses to broadcast', () => {
    expectError(
      () => lossOperands(tensor([1]), tensor([[1]]), 'mse'),
      ShapeError,
      'mse: pred and target must have the same shape, got [1] and [1,1]',
    );
    expectError(
      () => lossOperands(3, tensor([1]), 'mse'),
      ArgumentError,
      'mse: pred must be a Tensor, got number',
    );
  });
});
