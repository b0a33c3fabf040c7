import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  batchNorm,
  mul,
  ShapeError,
  sum,
  type Tensor,
  tensor,
  zeros,
} from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';
import { expectTorch, fromPacked, torchCases } from './fixtures/torch/fixtures.js';

describe('batchNorm', () => {
  it('training: each channel to mean 0 and variance 1 (biased), then γ and β', () => {
    // channel 0: 1, 3 → mean 2, var 1;  channel 1: 10, 10 → mean 10, var 0
    const x = tensor([
      [1, 10],
      [3, 10],
    ]);
    const y = batchNorm(x, {
      training: true,
      eps: 0,
      weight: tensor([2, 1]),
      bias: tensor([0, 5]),
    });
    expectClose(y, [
      [-2, Number.NaN],
      [2, Number.NaN],
    ]);
    const z = batchNorm(x, { training: true, eps: 1 });
    expectClose(
      z,
      [
        [-1 / Math.SQRT2, 0],
        [1 / Math.SQRT2, 0],
      ],
      1e-15,
    );
  });

  it('moves the running statistics towards the batch (unbiased variance), in place', () => {
    const runningMean = tensor([0, 0]);
    const runningVar = tensor([1, 1]);
    const x = tensor([
      [1, 10],
      [3, 10],
    ]);
    batchNorm(x, { runningMean, runningVar, training: true, momentum: 0.5 });
    // mean (2, 10), unbiased var (2, 0)
    expectClose(runningMean, [1, 5], 0);
    expectClose(runningVar, [1.5, 0.5], 0);
    // evaluation uses them and leaves them alone
    const y = batchNorm(tensor([[1, 5]]), { runningMean, runningVar, eps: 0 });
    expectClose(y, [[0, 0]], 0);
    expectClose(runningMean, [1, 5], 0);
  });

  describe('matches PyTorch 1.13 F.batch_norm (values, gradients, running statistics; float64 and float32)', () => {
    for (const c of torchCases('batchNorm')) {
      it(c.name, () => {
        for (const dtype of ['float64', 'float32'] as const) {
          const tol = dtype === 'float64' ? 1e-12 : 2e-5;
          const x = fromPacked(c.inputs.x, dtype, true);
          const runningMean = fromPacked(c.inputs.runningMean, dtype);
          const runningVar = fromPacked(c.inputs.runningVar, dtype);
          const weight = c.inputs.weight ? fromPacked(c.inputs.weight, dtype, true) : null;
          const bias = c.inputs.bias ? fromPacked(c.inputs.bias, dtype, true) : null;
          const opts = c.options as { training: boolean; momentum: number; eps: number };
          const y = batchNorm(x, { runningMean, runningVar, weight, bias, ...opts });
          expect(y.dtype).toBe(dtype);
          expectTorch(y, c.outputs.y, tol, tol, `${dtype} y`);
          expectTorch(runningMean, c.outputs.runningMean, tol, tol, `${dtype} runningMean`);
          expectTorch(runningVar, c.outputs.runningVar, tol, tol, `${dtype} runningVar`);
          sum(mul(y, fromPacked(c.inputs.gy, dtype))).backward();
          expectTorch(x.grad, c.outputs.dx, tol, tol, `${dtype} dx`);
          if (weight) expectTorch(weight.grad, c.outputs.dweight, tol, tol, `${dtype} dweight`);
          if (bias) expectTorch(bias.grad as Tensor, c.outputs.dbias, tol, tol, `${dtype} dbias`);
        }
      });
    }
  });

  it('names the argument, expected and found in its errors', () => {
    const x = zeros([4, 3, 2, 2]);
    expectError(
      () => batchNorm(x, { weight: zeros([4]), training: true }),
      ShapeError,
      'batchNorm: weight must have shape [3] (one value per channel of input [4,3,2,2]), got [4]',
    );
    expectError(
      () => batchNorm(zeros([3]), { training: true }),
      ShapeError,
      'batchNorm: input must have at least 2 dims [N,C,...], got [3]',
    );
    expectError(
      () => batchNorm(zeros([1, 3]), { training: true }),
      ShapeError,
      'batchNorm: training needs more than one value per channel, got input [1,3]',
    );
    expectError(
      () => batchNorm(x),
      ArgumentError,
      'batchNorm: evaluation (training: false) needs runningMean and runningVar',
    );
    expectError(
      () => batchNorm(x, { runningMean: zeros([3]), training: true }),
      ArgumentError,
      'batchNorm: give both runningMean and runningVar, or neither',
    );
    expectError(
      () => batchNorm(x, { training: true, momentum: 2 }),
      ArgumentError,
      'batchNorm: momentum must be a number in [0, 1], got 2',
    );
  });
});
