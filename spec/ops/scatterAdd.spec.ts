import { describe, expect, it } from 'vitest';
import { tensor } from '../../lib/autograd/index.js';
import { ArgumentError, ShapeError } from '../../lib/core/index.js';
import { sum } from '../../lib/ops/index.js';
import { scatterAdd } from '../../lib/ops/scatterAdd.js';
import { expectError } from '../core/helpers.js';

describe('scatterAdd (the backward of gather)', () => {
  it('adds slices into the named rows of zeros; repeats accumulate', () => {
    expect(scatterAdd(tensor([1, 2, 3]), [0, 2, 0], 3).toArray()).toEqual([4, 0, 2]);
    expect(
      scatterAdd(
        tensor([
          [1, 1],
          [2, 2],
        ]),
        [1, 1],
        2,
      ).toArray(),
    ).toEqual([
      [0, 0],
      [3, 3],
    ]);
  });

  it('its gradient gathers', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    sum(scatterAdd(x, [1, 0], 3).mul(tensor([10, 20, 30]))).backward();
    expect(x.grad?.toArray()).toEqual([20, 10]);
  });

  it('checks its arguments', () => {
    expectError(
      () => scatterAdd(tensor([1, 2]), [0], 2),
      ShapeError,
      "scatterAdd: x must start with the indices' shape [1], got [2]",
    );
    expectError(
      () => scatterAdd(tensor([1]), [0], -1),
      ArgumentError,
      'scatterAdd: rows must be a non-negative integer, got -1',
    );
  });
});
