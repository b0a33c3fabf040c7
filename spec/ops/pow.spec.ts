import { describe, expect, it } from 'vitest';
import { ArgumentError, pow, sum, tensor } from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';

describe('pow', () => {
  it('raises to a number or a tensor exponent, either side a number, with broadcasting', () => {
    expect(pow(tensor([2, 3]), 2).toArray()).toEqual([4, 9]);
    expect(pow(2, tensor([3, -1])).toArray()).toEqual([8, 0.5]);
    expect(pow(tensor([[4], [9]]), tensor([0.5, 1])).toArray()).toEqual([
      [2, 4],
      [3, 9],
    ]);
    expect(pow(tensor([-8]), 3).item()).toBe(-512);
    expect(pow(tensor([-8]), 0.5).item()).toBeNaN(); // as numpy
  });

  it('d xᵖ = p·x^(p−1)·dx and d bˣ... = xᵇ·ln x·db', () => {
    const x = tensor([2], { requiresGrad: true });
    sum(pow(x, 3)).backward();
    expect(x.grad?.item()).toBe(12);
    const b = tensor([3], { requiresGrad: true });
    sum(pow(2, b)).backward();
    expectClose(b.grad!, [8 * Math.LN2], 1e-14);
  });

  it('edge cases: p = 0 has gradient 0 at x = 0, and 0ᵇ has exponent gradient 0 (not NaN)', () => {
    const x = tensor([0, 5], { requiresGrad: true });
    sum(pow(x, 0)).backward();
    expect(x.grad?.toArray()).toEqual([0, 0]);
    const base = tensor([0, 2]);
    const e = tensor([2, 2], { requiresGrad: true });
    sum(pow(base, e)).backward();
    expectClose(e.grad!, [0, 4 * Math.LN2], 1e-14);
  });

  it('names its operands in errors', () => {
    expectError(
      () => pow(tensor([1]), 'two' as never),
      ArgumentError,
      'pow: exponent must be a Tensor or a number, got string',
    );
  });

  // NOTE: the exponent used to stay unrounded (issue 12): 1.0134426 here instead of 1.0134428.
  it('a number exponent of a float32 tensor is rounded to float32, as every weak scalar', () => {
    const x = tensor([1.1428571939468384, 9.142857551574707], { dtype: 'float32' });
    const p = Math.fround(0.1);
    const expected = Array.from(x.data, (v) => Math.fround(v ** p));
    expect(Array.from(pow(x, 0.1).data)).toEqual(expected);
    expect(Array.from(pow(x, 0.1).data)).toEqual(
      Array.from(pow(x, tensor(0.1, { dtype: 'float32' })).data),
    );
    expect(expected[0]).not.toBe(Math.fround(x.data[0] ** 0.1)); // the case distinguishes the two
    // float64 keeps the number as it is
    expect(pow(tensor([1.1428571939468384]), 0.1).item()).toBe(1.1428571939468384 ** 0.1);
  });
});
