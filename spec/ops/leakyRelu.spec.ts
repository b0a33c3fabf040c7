import { describe, expect, it } from 'vitest';
import { ArgumentError, leakyRelu, sum, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('leakyRelu', () => {
  it('x above 0, slope·x elsewhere (default slope 0.01)', () => {
    expect(leakyRelu(tensor([-10, 2])).toArray()).toEqual([-0.1, 2]);
    expect(leakyRelu(tensor([-10, 2]), 0.2).toArray()).toEqual([-2, 2]);
  });

  it('the gradient is 1 above 0 and slope at or below 0', () => {
    const x = tensor([-1, 0, 1], { requiresGrad: true });
    sum(leakyRelu(x, 0.1)).backward();
    expect(x.grad?.toArray()).toEqual([0.1, 0.1, 1]);
  });

  it('rejects a slope that is not a number', () => {
    expectError(
      () => leakyRelu(tensor([1]), '0.1' as never),
      ArgumentError,
      'leakyRelu: slope must be a number, got "0.1"',
    );
  });
});
