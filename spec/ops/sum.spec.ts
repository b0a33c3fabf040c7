import { describe, expect, it } from 'vitest';
import { ArgumentError, sum, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

// x[i,j,k] = 100i + 10j + k on shape [2,3,2]: every partial sum is easy to compute by hand.
const values = [0, 1].map((i) => [0, 1, 2].map((j) => [0, 1].map((k) => 100 * i + 10 * j + k)));
const x = tensor(values);

describe('sum', () => {
  it('over all axes by default', () => {
    expect(sum(x).toArray()).toBe(6 * 100 + 4 * 30 + 6 * 1); // Σi·100·6 + Σj·10·4 + Σk·6
  });

  it('over every single axis, with and without keepDims', () => {
    expect(sum(x, 0).toArray()).toEqual([
      [100, 102],
      [120, 122],
      [140, 142],
    ]);
    expect(sum(x, 1).toArray()).toEqual([
      [30, 33],
      [330, 333],
    ]);
    expect(sum(x, 2).toArray()).toEqual([
      [1, 21, 41],
      [201, 221, 241],
    ]);
    expect(sum(x, -1).toArray()).toEqual(sum(x, 2).toArray());
    expect(sum(x, 0, true).shape).toEqual([1, 3, 2]);
    expect(sum(x, 1, true).shape).toEqual([2, 1, 2]);
    expect(sum(x, 2, true).shape).toEqual([2, 3, 1]);
    expect(sum(x, undefined, true).shape).toEqual([1, 1, 1]);
  });

  it('over several axes', () => {
    expect(sum(x, [0, 2]).toArray()).toEqual([202, 242, 282]);
    expect(sum(x, [0, 1], true).toArray()).toEqual([[[360, 366]]]);
  });

  it('the gradient broadcasts the upstream gradient over the summed axes', () => {
    for (const keepDims of [false, true]) {
      for (const axis of [0, 1, 2, [0, 2], undefined]) {
        const t = tensor(values, { requiresGrad: true });
        const y = sum(t, axis, keepDims);
        const seed = tensor(
          Float64Array.from({ length: y.size }, (_, i) => i + 1),
          {
            shape: y.shape,
          },
        );
        y.backward(seed);
        expect(t.grad?.shape).toEqual([2, 3, 2]);
        // each element receives the seed of the output it was summed into
        const g = t.grad!.toArray() as number[][][];
        const s = sum(t, axis, true).shape;
        const kept = seed.data;
        for (let i = 0; i < 2; i++)
          for (let j = 0; j < 3; j++)
            for (let k = 0; k < 2; k++) {
              const o =
                (s[0] === 1 ? 0 : i) * s[1] * s[2] +
                (s[1] === 1 ? 0 : j) * s[2] +
                (s[2] === 1 ? 0 : k);
              expect(g[i][j][k]).toBe(kept[o]);
            }
      }
    }
  });

  it('of an empty tensor is 0; a bad axis is an error naming the rank', () => {
    expect(sum(tensor([])).item()).toBe(0);
    expectError(
      () => sum(x, 3),
      ArgumentError,
      'sum: axis must be an integer in [-3, 2] for a tensor of rank 3, got 3',
    );
  });

  // NOTE: sum(x, null) used to throw a TypeError (issue 12).
  it('an axis that is not a number, a list or undefined is an ArgumentError', () => {
    expectError(
      () => sum(x, null as never),
      ArgumentError,
      'sum: axis must be an integer, a list of integers, or undefined for all axes, got null',
    );
    expectError(
      () => sum(x, 'ab' as never),
      ArgumentError,
      'sum: axis must be an integer, a list of integers, or undefined for all axes, got "ab"',
    );
  });
});
