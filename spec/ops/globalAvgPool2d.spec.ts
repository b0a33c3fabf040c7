import { describe, expect, it } from 'vitest';
import { globalAvgPool2d, mul, ShapeError, sum, tensor, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';
import { expectTorch, fromPacked, torchCases } from './fixtures/torch/fixtures.js';

describe('globalAvgPool2d', () => {
  it('averages each channel over H×W, keeping [N, C, 1, 1]', () => {
    const x = tensor([1, 2, 3, 4, 10, 20, 30, 40], { shape: [1, 2, 2, 2] });
    expect(globalAvgPool2d(x).toArray()).toEqual([[[[2.5]], [[25]]]]);
  });

  it('matches PyTorch 1.13 adaptive_avg_pool2d(x, 1), gradient included', () => {
    for (const c of torchCases('globalAvgPool2d')) {
      const x = fromPacked(c.inputs.x, 'float64', true);
      const y = globalAvgPool2d(x);
      expectTorch(y, c.outputs.y, 1e-15, 1e-14);
      sum(mul(y, fromPacked(c.inputs.gy))).backward();
      expectTorch(x.grad, c.outputs.dx, 1e-15, 1e-14);
    }
  });

  it('wants NCHW input', () => {
    expectError(
      () => globalAvgPool2d(zeros([2, 3])),
      ShapeError,
      'globalAvgPool2d: input must have 4 dims [N,C,H,W], got [2,3]',
    );
  });
});
