import { describe, expect, it } from 'vitest';
import {
  type AvgPool2dOptions,
  avgPool2d,
  mul,
  ShapeError,
  type Size2d,
  sum,
  tensor,
  zeros,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';
import { expectTorch, fromPacked, torchCases } from './fixtures/torch/fixtures.js';

describe('avgPool2d', () => {
  it('averages each window; the gradient spreads dy evenly over it', () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8], { shape: [1, 2, 2, 2], requiresGrad: true });
    const y = avgPool2d(x, 2);
    expect(y.toArray()).toEqual([[[[2.5]], [[6.5]]]]);
    sum(mul(y, tensor([4, 8], { shape: [1, 2, 1, 1] }))).backward();
    expect(x.grad!.toArray()).toEqual([
      [
        [
          [1, 1],
          [1, 1],
        ],
        [
          [2, 2],
          [2, 2],
        ],
      ],
    ]);
  });

  it('counts the padding as zeros by default, or leaves it out with countIncludePad: false', () => {
    const x = tensor([4, 4, 4, 4], { shape: [1, 1, 2, 2] });
    expect(avgPool2d(x, 2, { stride: 2, padding: 1 }).toArray()).toEqual([
      [
        [
          [1, 1],
          [1, 1],
        ],
      ],
    ]);
    expect(avgPool2d(x, 2, { stride: 2, padding: 1, countIncludePad: false }).toArray()).toEqual([
      [
        [
          [4, 4],
          [4, 4],
        ],
      ],
    ]);
  });

  describe('matches PyTorch 1.13 (values and gradients, float64 and float32)', () => {
    for (const c of torchCases('avgPool2d')) {
      it(c.name, () => {
        for (const dtype of ['float64', 'float32'] as const) {
          const tol = dtype === 'float64' ? 1e-14 : 1e-6;
          const x = fromPacked(c.inputs.x, dtype, true);
          const y = avgPool2d(x, c.kernelSize as Size2d, c.options as AvgPool2dOptions);
          expect(y.dtype).toBe(dtype);
          expectTorch(y, c.outputs.y, tol, tol, `${dtype} y`);
          sum(mul(y, fromPacked(c.inputs.gy, dtype))).backward();
          expectTorch(x.grad, c.outputs.dx, tol, tol, `${dtype} dx`);
        }
      });
    }
  });

  it('names the argument, expected and found in its errors', () => {
    expectError(
      () => avgPool2d(zeros([28, 28]), 2),
      ShapeError,
      'avgPool2d: input must have 4 dims [N,C,H,W], got [28,28]',
    );
  });
});
