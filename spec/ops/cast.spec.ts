import { describe, expect, it } from 'vitest';
import { cast, DTypeError, mul, sum, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('cast', () => {
  it('converts between float32 and float64, rounding to float32', () => {
    const x = tensor([0.1]);
    const y = cast(x, 'float32');
    expect(y.dtype).toBe('float32');
    expect(y.data[0]).toBe(Math.fround(0.1));
    expect(cast(x, 'float64')).toBe(x);
  });

  it("the gradient flows back in the input's dtype", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    sum(mul(cast(x, 'float32'), 3)).backward();
    expect(x.grad?.dtype).toBe('float64');
    expect(x.grad?.toArray()).toEqual([3, 3]);
  });

  it('rejects unknown dtypes', () => {
    expectError(
      () => cast(tensor([1]), 'int32' as never),
      DTypeError,
      `cast: dtype must be 'float32' or 'float64', got "int32"`,
    );
  });
});
