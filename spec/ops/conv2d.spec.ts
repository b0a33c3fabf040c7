import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  type Conv2dOptions,
  conv2d,
  mul,
  ShapeError,
  sum,
  tensor,
  zeros,
} from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';
import { expectTorch, fromPacked, torchCases } from './fixtures/torch/fixtures.js';

describe('conv2d', () => {
  it('cross-correlates without flipping the kernel (hand-computed 3×3 ⋆ 2×2)', () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], { shape: [1, 1, 3, 3] });
    const w = tensor([1, 0, 0, -1], { shape: [1, 1, 2, 2] });
    // y[i,j] = x[i,j] − x[i+1,j+1] = −4 everywhere
    expect(conv2d(x, w).toArray()).toEqual([
      [
        [
          [-4, -4],
          [-4, -4],
        ],
      ],
    ]);
    const b = tensor([10]);
    // padded with a ring of zeros: y[i,j] = 10 + xp[i,j] − xp[i+1,j+1]
    expect(conv2d(x, w, { bias: b, padding: 1 }).toArray()).toEqual([
      [
        [
          [9, 8, 7, 10],
          [6, 6, 6, 13],
          [3, 6, 6, 16],
          [10, 17, 18, 19],
        ],
      ],
    ]);
  });

  describe('matches PyTorch 1.13 (values and gradients of sum(y·gy), float64 and float32)', () => {
    for (const c of torchCases('conv2d')) {
      it(c.name, () => {
        for (const dtype of ['float64', 'float32'] as const) {
          const tol = dtype === 'float64' ? 1e-12 : 2e-5;
          const x = fromPacked(c.inputs.x, dtype, true);
          const w = fromPacked(c.inputs.weight, dtype, true);
          const b = c.inputs.bias ? fromPacked(c.inputs.bias, dtype, true) : null;
          const y = conv2d(x, w, { ...(c.options as Conv2dOptions), bias: b });
          expect(y.dtype).toBe(dtype);
          expectTorch(y, c.outputs.y, tol, tol, `${dtype} y`);
          sum(mul(y, fromPacked(c.inputs.gy, dtype))).backward();
          expectTorch(x.grad, c.outputs.dx, tol, tol, `${dtype} dx`);
          expectTorch(w.grad, c.outputs.dweight, tol, tol, `${dtype} dweight`);
          if (b) expectTorch(b.grad, c.outputs.dbias, tol, tol, `${dtype} dbias`);
        }
      });
    }
  });

  it("'same' keeps H and W, the odd extra row and column of padding going after (as PyTorch)", () => {
    const x = tensor([1, 2, 3, 4], { shape: [1, 1, 2, 2] });
    const w = tensor([1, 1, 1, 1], { shape: [1, 1, 2, 2] });
    // padding: 0 before, 1 after each axis
    expect(conv2d(x, w, { padding: 'same' }).toArray()).toEqual([
      [
        [
          [10, 6],
          [7, 4],
        ],
      ],
    ]);
  });

  it('mixed float32 and float64 operands compute in float64', () => {
    const x = zeros([1, 1, 3, 3], { dtype: 'float32' });
    const w = zeros([2, 1, 2, 2]);
    expect(conv2d(x, w).dtype).toBe('float64');
  });

  it('names the argument, the expected and the found shape when the input is wrong', () => {
    const w = zeros([4, 3, 3, 3]);
    expectError(
      () => conv2d(zeros([3, 28, 28]), w),
      ShapeError,
      'conv2d: input must have 4 dims [N,C,H,W], got [3,28,28]',
    );
    expectError(
      () => conv2d(zeros([1, 3, 5, 5]), zeros([4, 3, 3])),
      ShapeError,
      'conv2d: weight must have 4 dims [O,C/groups,kH,kW], got [4,3,3]',
    );
    expectError(
      () => conv2d(zeros([1, 2, 5, 5]), w),
      ShapeError,
      'conv2d: weight [4,3,3,3] expects 3 input channels (3 per group × 1 groups), got input [1,2,5,5]',
    );
    expectError(
      () => conv2d(zeros([1, 6, 5, 5]), zeros([4, 3, 3, 3]), { groups: 3 }),
      ShapeError,
      'conv2d: groups = 3 must divide the input channels (6) and the output channels (4)',
    );
    expectError(
      () => conv2d(zeros([1, 3, 2, 2]), w),
      ShapeError,
      'conv2d: the kernel 3×3 (dilation 1×1) is larger than the padded input 2×2',
    );
    expectError(
      () => conv2d(zeros([1, 3, 5, 5]), w, { bias: zeros([3]) }),
      ShapeError,
      'conv2d: bias must have shape [4], got [3]',
    );
  });

  it('rejects bad options with an ArgumentError naming the option', () => {
    const x = zeros([1, 3, 5, 5]);
    const w = zeros([4, 3, 3, 3]);
    expectError(
      () => conv2d(x, w, { stride: 0 }),
      ArgumentError,
      'conv2d: stride must be an integer ≥ 1 or a pair of them, got 0',
    );
    expectError(
      () => conv2d(x, w, { padding: -1 }),
      ArgumentError,
      'conv2d: padding must be an integer ≥ 0 or a pair of them, got -1',
    );
    expectError(
      () => conv2d(x, w, { padding: 'full' as 'same' }),
      ArgumentError,
      `conv2d: padding must be a number, a pair, [[top, bottom], [left, right]], 'valid' or 'same', got "full"`,
    );
    expectError(
      () => conv2d(x, w, { padding: 'same', stride: 2 }),
      ArgumentError,
      "conv2d: padding 'same' needs stride 1, got stride [2,2]",
    );
    expectError(
      () => conv2d(x, w, { dilation: [1, 1.5] as unknown as [number, number] }),
      ArgumentError,
      'conv2d: dilation must be an integer ≥ 1 or a pair of them, got [1,1.5]',
    );
    expectError(
      () => conv2d(x, w, { groups: 0 }),
      ArgumentError,
      'conv2d: groups must be a positive integer, got 0',
    );
    expectError(
      () => conv2d(x, 'w' as never),
      ArgumentError,
      'conv2d: weight must be a Tensor, got string',
    );
  });

  it('second derivative: d²/dx dw of Σ(x ⋆ w)² is itself a convolution (checked at a point)', () => {
    const x = tensor([1, 2, 3, 4], { shape: [1, 1, 2, 2], requiresGrad: true });
    const w = tensor([0.5], { shape: [1, 1, 1, 1], requiresGrad: true });
    // f = Σ (w·x)² = w²·Σx²;  df/dw = 2w·Σx² = 30;  d/dx (df/dw) = 4w·x = 2x
    const y = conv2d(x, w);
    sum(mul(y, y)).backward({ createGraph: true });
    const gw = w.grad!;
    expectClose(gw, [[[[30]]]], 1e-12);
    x.zeroGrad();
    gw.backward();
    expectClose(
      x.grad!,
      [
        [
          [
            [2, 4],
            [6, 8],
          ],
        ],
      ],
      1e-12,
    );
  });
});
