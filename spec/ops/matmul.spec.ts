import { describe, expect, it } from 'vitest';
import { matmul, randn, ShapeError, sum, tensor, transpose, zeros } from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';

const A = tensor([
  [1, 2, 3],
  [4, 5, 6],
]);
const B = tensor([
  [7, 8],
  [9, 10],
  [11, 12],
]);

describe('matmul', () => {
  it('multiplies matrices (a hand-computed product)', () => {
    expect(matmul(A, B).toArray()).toEqual([
      [58, 64],
      [139, 154],
    ]);
  });

  it('treats 1-D operands as numpy does: row on the left, column on the right, axis dropped', () => {
    expect(matmul(tensor([1, 1]), A).toArray()).toEqual([5, 7, 9]);
    expect(matmul(A, tensor([1, 0, -1])).toArray()).toEqual([-2, -2]);
    expect(matmul(tensor([1, 2]), tensor([3, 4])).toArray()).toBe(11);
  });

  it('broadcasts leading batch dimensions', () => {
    const a = randn([2, 1, 2, 3], { seed: 1 });
    const b = randn([4, 3, 5], { seed: 2 });
    const y = matmul(a, b);
    expect(y.shape).toEqual([2, 4, 2, 5]);
    const a1 = tensor(a.data.slice(6, 12), { shape: [2, 3] });
    const b2 = tensor(b.data.slice(30, 45), { shape: [3, 5] });
    const ys = y.toArray() as number[][][][];
    expectClose(ys[1][2], matmul(a1, b2).toArray(), 1e-12);
  });

  it('transA/transB give the product of the transposes without materialising them', () => {
    expect(matmul(transpose(A), B, { transA: true }).toArray()).toEqual(matmul(A, B).toArray());
    expect(matmul(A, transpose(B), { transB: true }).toArray()).toEqual(matmul(A, B).toArray());
  });

  it('dA = dC·Bᵀ and dB = Aᵀ·dC', () => {
    const a = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true },
    );
    const b = tensor(
      [
        [5, 6],
        [7, 8],
      ],
      { requiresGrad: true },
    );
    sum(matmul(a, b)).backward();
    expect(a.grad?.toArray()).toEqual([
      [11, 15],
      [11, 15],
    ]);
    expect(b.grad?.toArray()).toEqual([
      [4, 4],
      [6, 6],
    ]);
  });

  it('propagates NaN and Infinity as IEEE arithmetic does, even against a zero (0·NaN = NaN)', () => {
    const y = matmul(
      tensor([
        [0, 1],
        [1, 0],
      ]),
      tensor([
        [Number.NaN, 1],
        [2, Number.POSITIVE_INFINITY],
      ]),
    );
    expect(y.toArray()).toEqual([
      [Number.NaN, Number.POSITIVE_INFINITY],
      [Number.NaN, Number.NaN],
    ]);
  });

  it('names both shapes when inner dimensions differ, and rejects scalars', () => {
    expectError(
      () => matmul(zeros([128, 1000]), zeros([100, 1])),
      ShapeError,
      'matmul: inner dimensions must agree, got [128,1000] @ [100,1]',
    );
    expectError(
      () => matmul(tensor(2), zeros([1])),
      ShapeError,
      'matmul: operands must have at least one dimension, got [] @ [1]',
    );
  });
});
