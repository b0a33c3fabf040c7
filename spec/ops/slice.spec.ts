import { describe, expect, it } from 'vitest';
import { ArgumentError, arange, reshape, slice, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

const x = tensor([
  [1, 2, 3],
  [4, 5, 6],
]);

describe('slice (begin, size per axis, as tf.slice)', () => {
  it('takes the box at begin of size', () => {
    expect(slice(x, [0, 1], [2, 2]).toArray()).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(slice(x, [1, 0], [1, 3]).toArray()).toEqual([[4, 5, 6]]);
  });

  it('a number is the first axis; missing axes and size −1 run to the end; negative begin counts back', () => {
    expect(slice(x, 1).toArray()).toEqual([[4, 5, 6]]);
    expect(slice(x, [0, 1]).toArray()).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(slice(x, [0, -1], [-1, 1]).toArray()).toEqual([[3], [6]]);
    expect(slice(arange(10), 4, 3).toArray()).toEqual([4, 5, 6]);
    expect(slice(x, [0, 3], [2, 0]).shape).toEqual([2, 0]);
  });

  it('slices a 3-D tensor in its middle', () => {
    const t = reshape(arange(24), [2, 3, 4]); // t[i,j,k] = 12i + 4j + k
    expect(slice(t, [1, 1, 1], [1, 2, 2]).toArray()).toEqual([
      [
        [17, 18],
        [21, 22],
      ],
    ]);
  });

  it('the gradient lands back in place, zeros elsewhere', () => {
    const t = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { requiresGrad: true },
    );
    slice(t, [0, 1], [2, 1]).backward(tensor([[7], [8]]));
    expect(t.grad?.toArray()).toEqual([
      [0, 7, 0],
      [0, 8, 0],
    ]);
  });

  it('errors name the axis, the arguments and the shape', () => {
    expectError(
      () => slice(x, [0, 2], [1, 2]),
      ArgumentError,
      'slice: begin[1] + size[1] = 2 + 2 exceeds dimension 1 of shape [2,3] (size 3)',
    );
    expectError(
      () => slice(x, [3]),
      ArgumentError,
      'slice: begin[0] = 3 is out of range for dimension 0 of shape [2,3] (size 2)',
    );
    expectError(
      () => slice(x, [0, 0, 0]),
      ArgumentError,
      'slice: begin must be an integer or a list of at most 2 integers (one per axis), got [0,0,0]',
    );
    expectError(
      () => slice(x, 0, 0.5),
      ArgumentError,
      'slice: size must be an integer or a list of at most 2 integers (one per axis), got 0.5',
    );
  });
});
