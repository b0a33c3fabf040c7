import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  maxPool2d,
  mul,
  type Pool2dOptions,
  ShapeError,
  type Size2d,
  sum,
  tensor,
  zeros,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';
import { expectTorch, fromPacked, torchCases } from './fixtures/torch/fixtures.js';

describe('maxPool2d', () => {
  it('takes the largest value of each window; the gradient goes to it alone', () => {
    const x = tensor([1, 5, 2, 0, 3, 4, 8, 6, -1, -2, 7, 7, -3, -4, 7, 7], {
      shape: [1, 1, 4, 4],
      requiresGrad: true,
    });
    const y = maxPool2d(x, 2);
    expect(y.toArray()).toEqual([
      [
        [
          [5, 8],
          [-1, 7],
        ],
      ],
    ]);
    sum(mul(y, tensor([1, 2, 3, 4], { shape: [1, 1, 2, 2] }))).backward();
    // the tie of four 7s: all of dy to the first in row-major order
    expect(x.grad!.toArray()).toEqual([
      [
        [
          [0, 1, 0, 0],
          [0, 0, 2, 0],
          [3, 0, 4, 0],
          [0, 0, 0, 0],
        ],
      ],
    ]);
  });

  it('treats padding as −∞: an all-negative border window keeps its negative maximum', () => {
    const x = tensor([-5, -6, -7, -8], { shape: [1, 1, 2, 2] });
    expect(maxPool2d(x, 2, { stride: 1, padding: 1 }).toArray()).toEqual([
      [
        [
          [-5, -5, -6],
          [-5, -5, -6],
          [-7, -7, -8],
        ],
      ],
    ]);
  });

  describe('matches PyTorch 1.13, ties included (values and gradients, float64 and float32)', () => {
    for (const c of torchCases('maxPool2d')) {
      it(c.name, () => {
        for (const dtype of ['float64', 'float32'] as const) {
          const x = fromPacked(c.inputs.x, dtype, true);
          const y = maxPool2d(x, c.kernelSize as Size2d, c.options as Pool2dOptions);
          expectTorch(y, c.outputs.y, 0, 1e-7, `${dtype} y`);
          sum(mul(y, fromPacked(c.inputs.gy, dtype))).backward();
          expectTorch(x.grad, c.outputs.dx, 1e-7, 1e-7, `${dtype} dx`);
        }
      });
    }
  });

  it('a NaN in a window is its maximum', () => {
    const x = tensor([1, Number.NaN, 3, 4], { shape: [1, 1, 2, 2] });
    expect(maxPool2d(x, 2).item()).toBeNaN();
  });

  it('names the argument, expected and found in its errors', () => {
    expectError(
      () => maxPool2d(zeros([3, 28, 28]), 2),
      ShapeError,
      'maxPool2d: input must have 4 dims [N,C,H,W], got [3,28,28]',
    );
    expectError(
      () => maxPool2d(zeros([1, 1, 4, 4]), 3, { padding: 2 }),
      ArgumentError,
      'maxPool2d: padding must be at most half the kernel size, got padding 2×2 for kernel 3×3',
    );
    expectError(
      () => maxPool2d(zeros([1, 1, 4, 4]), 0),
      ArgumentError,
      'maxPool2d: kernelSize must be an integer ≥ 1 or a pair of them, got 0',
    );
    expectError(
      () => maxPool2d(zeros([1, 1, 2, 2]), 3),
      ShapeError,
      'maxPool2d: the kernel 3×3 is larger than the padded input 2×2',
    );
  });
});
