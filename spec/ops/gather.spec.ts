import { describe, expect, it } from 'vitest';
import { ArgumentError, gather, ShapeError, sum, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

const x = tensor([
  [1, 2],
  [3, 4],
  [5, 6],
]);

describe('gather', () => {
  it('picks rows by index (array, Int32Array or tensor), repeats allowed', () => {
    expect(gather(x, [2, 0]).toArray()).toEqual([
      [5, 6],
      [1, 2],
    ]);
    expect(gather(x, new Int32Array([1, 1])).toArray()).toEqual([
      [3, 4],
      [3, 4],
    ]);
    expect(gather(tensor([10, 20, 30]), tensor([2, 0])).toArray()).toEqual([30, 10]);
    expect(gather(x, []).shape).toEqual([0, 2]);
  });

  it('a tensor of indices keeps its shape: embeddings of a [batch, time] index grid', () => {
    const y = gather(
      x,
      tensor([
        [0, 1],
        [2, 2],
      ]),
    );
    expect(y.shape).toEqual([2, 2, 2]);
    expect(y.toArray()).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [5, 6],
      ],
    ]);
  });

  it('the gradient scatter-adds back; repeated rows accumulate', () => {
    const w = tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      { requiresGrad: true },
    );
    sum(gather(w, [2, 0, 2])).backward();
    expect(w.grad?.toArray()).toEqual([
      [1, 1],
      [0, 0],
      [2, 2],
    ]);
    const e = tensor([1, 2, 3], { requiresGrad: true });
    gather(
      e,
      tensor([
        [0, 0],
        [2, 1],
      ]),
    ).backward(
      tensor([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(e.grad?.toArray()).toEqual([3, 4, 3]);
  });

  it('checks indices: integers in range, with the position of the bad one', () => {
    expectError(
      () => gather(x, [0, 3]),
      ArgumentError,
      'gather: indices[1] must be an integer in [0, 3), got 3',
    );
    expectError(
      () => gather(x, [-1]),
      ArgumentError,
      'gather: indices[0] must be an integer in [0, 3), got -1',
    );
    expectError(
      () =>
        gather(
          x,
          tensor([
            [0, 1],
            [1.5, 0],
          ]),
        ),
      ArgumentError,
      'gather: indices[1,0] must be an integer in [0, 3), got 1.5',
    );
    expectError(
      () => gather(x, 'a' as never),
      ArgumentError,
      'gather: indices must be an array of integers, an Int32Array or a Tensor, got string',
    );
    expectError(
      () => gather(tensor(1), [0]),
      ShapeError,
      'gather: x must have at least one dimension, got a scalar',
    );
  });
});
