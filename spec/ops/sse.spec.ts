import { describe, expect, it } from 'vitest';
import { ShapeError, sse, tensor, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('sse (the tutorials loss)', () => {
  it('is the sum of squared errors', () => {
    expect(sse(tensor([1, 2]), tensor([1, 4])).item()).toBe(4);
    expect(
      sse(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor([
          [0, 0],
          [0, 0],
        ]),
      ).item(),
    ).toBe(30);
  });

  it('d sse/d pred = 2(pred − target)', () => {
    const p = tensor([[3], [0]], { requiresGrad: true });
    sse(p, tensor([[1], [1]])).backward();
    expect(p.grad?.toArray()).toEqual([[4], [-2]]);
  });

  it('rejects different shapes', () => {
    expectError(
      () => sse(zeros([128, 1]), zeros([128])),
      ShapeError,
      'sse: pred and target must have the same shape, got [128,1] and [128]',
    );
  });

  it('an empty batch sums to 0, as in PyTorch', () => {
    expect(sse(zeros([0, 1]), zeros([0, 1])).item()).toBe(0);
  });
});
