import { describe, expect, it } from 'vitest';
import { DTYPES } from '../../lib/core/index.js';
import { leakyRelu, mlp, mul, relu, sum, tensor } from '../../lib/index.js';

describe('relu', () => {
  it('max(x, 0)', () => {
    expect(relu(tensor([-2, 0, 3])).toArray()).toEqual([0, 0, 3]);
  });

  it("relu'(x) is 1 above 0 and 0 elsewhere, including relu'(0) = 0", () => {
    const x = tensor([-2, 0, 3], { requiresGrad: true });
    sum(relu(x)).backward();
    expect(x.grad?.toArray()).toEqual([0, 0, 1]);
  });

  // Seven elements: the SIMD lanes of both dtypes and their scalar tails.
  const values = [Number.NaN, -1, 0, 2, -0, Number.NaN, 5];

  for (const dtype of DTYPES) {
    it(`relu(NaN) is NaN, as in PyTorch and np.maximum(x, 0) (${dtype})`, () => {
      const y = relu(tensor(values, { dtype }));
      expect(y.toArray()).toEqual([Number.NaN, 0, 0, 2, -0, Number.NaN, 5]);
      expect(Object.is(y.data[4], -0)).toBe(true); // relu(−0) is −0, as in PyTorch
    });

    it(`the (fused) backward passes NaN where the input was NaN (${dtype})`, () => {
      const x = tensor(values, { dtype, requiresGrad: true });
      relu(x).backward(tensor([1, 1, 1, 1, 1, 1, 1], { dtype }));
      expect(x.grad?.toArray()).toEqual([Number.NaN, 0, 0, 1, 0, Number.NaN, 1]);
    });

    it(`the unfused backward (gradient of another shape) agrees (${dtype})`, () => {
      const x = tensor(values, { dtype, requiresGrad: true });
      // relu(x)·[[1],[2]] broadcasts, so relu's upstream gradient is summed back first
      sum(mul(relu(x), tensor([[1], [2]], { dtype }))).backward();
      expect(x.grad?.toArray()).toEqual([Number.NaN, 0, 0, 3, 0, Number.NaN, 3]);
    });

    it(`leakyRelu's gradient is NaN at NaN too (${dtype})`, () => {
      const x = tensor(values, { dtype, requiresGrad: true });
      sum(leakyRelu(x, 0.5)).backward();
      expect(x.grad?.toArray()).toEqual([Number.NaN, 0.5, 0.5, 1, 0.5, Number.NaN, 1]);
    });
  }

  it('a NaN input does not disappear behind a relu layer', () => {
    const net = mlp([2, 4, 1], { activation: 'relu', seed: 1 });
    expect(Number.isNaN(net.forward(tensor([[Number.NaN, 1]])).item())).toBe(true);
  });
});
