import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  ShapeError,
  sigmoid,
  tensor,
  zeros,
} from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';

describe('binaryCrossEntropyWithLogits', () => {
  it('equals binaryCrossEntropy(sigmoid(x), t) at moderate logits', () => {
    const x = tensor([-2, 0.5, 3]);
    const t = tensor([0, 1, 0.25]);
    expectClose(
      [binaryCrossEntropyWithLogits(x, t).item()],
      [binaryCrossEntropy(sigmoid(x), t).item()],
      1e-15,
    );
    expectClose([binaryCrossEntropyWithLogits(tensor([0]), tensor([1])).item()], [Math.LN2], 1e-16);
  });

  it('is finite and exact at ±1000', () => {
    expect(binaryCrossEntropyWithLogits(tensor([1000]), tensor([1])).item()).toBe(0);
    expect(binaryCrossEntropyWithLogits(tensor([1000]), tensor([0])).item()).toBe(1000);
    expect(binaryCrossEntropyWithLogits(tensor([-1000]), tensor([1])).item()).toBe(1000);
    const x = tensor([1000, -1000], { requiresGrad: true });
    binaryCrossEntropyWithLogits(x, tensor([0, 0])).backward();
    expect(x.grad?.toArray()).toEqual([0.5, 0]);
  });

  it('d/dx = (σ(x) − t)/n', () => {
    const x = tensor([0.3, -1], { requiresGrad: true });
    binaryCrossEntropyWithLogits(x, tensor([1, 0])).backward();
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    expectClose(x.grad!, [(s(0.3) - 1) / 2, s(-1) / 2], 1e-15);
  });

  it('rejects different shapes', () => {
    expectError(
      () => binaryCrossEntropyWithLogits(zeros([3]), zeros([1, 3])),
      ShapeError,
      'binaryCrossEntropyWithLogits: pred and target must have the same shape, got [3] and [1,3]',
    );
  });

  // NOTE: binaryCrossEntropyWithLogits(3, 5) used to give −11.95 (issue 12).
  it('rejects targets outside [0, 1]', () => {
    expectError(
      () => binaryCrossEntropyWithLogits(tensor([3]), tensor([5])),
      ArgumentError,
      'binaryCrossEntropyWithLogits: target must be in [0, 1] (0/1 labels or soft targets), got 5 at [0]',
    );
    expectError(
      () => binaryCrossEntropyWithLogits(tensor([3]), 1.5),
      ArgumentError,
      'binaryCrossEntropyWithLogits: target must be in [0, 1] (0/1 labels or soft targets), got 1.5',
    );
  });
});
