import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy, ShapeError, tensor, zeros } from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';

describe('binaryCrossEntropy', () => {
  it('−mean(t·ln p + (1 − t)·ln(1 − p))', () => {
    expectClose(
      [binaryCrossEntropy(tensor([0.9, 0.2]), tensor([1, 0])).item()],
      [-(Math.log(0.9) + Math.log(0.8)) / 2],
      1e-15,
    );
    // soft targets
    expectClose([binaryCrossEntropy(tensor([0.5]), tensor([0.3])).item()], [Math.LN2], 1e-15);
    expectClose([binaryCrossEntropy(tensor([0.25]), 1).item()], [Math.log(4)], 1e-15);
  });

  it('a saturated wrong prediction costs −ln(1e-12) ≈ 27.63, with a finite gradient', () => {
    const p = tensor([0, 1], { requiresGrad: true });
    const loss = binaryCrossEntropy(p, tensor([1, 0]));
    expectClose([loss.item()], [-Math.log(1e-12)], 1e-9);
    loss.backward();
    expect([...p.grad!.data].every(Number.isFinite)).toBe(true);
    const right = binaryCrossEntropy(tensor([1, 0]), tensor([1, 0]));
    expect(right.item()).toBe(0);
  });

  it('d/dp = (p − t)/(p(1 − p))/n', () => {
    const p = tensor([0.8, 0.4], { requiresGrad: true });
    binaryCrossEntropy(p, tensor([1, 0])).backward();
    expectClose(p.grad!, [(0.8 - 1) / (0.8 * 0.2) / 2, 0.4 / (0.4 * 0.6) / 2], 1e-14);
  });

  it('keeps float32 in float32 with a number target', () => {
    expect(binaryCrossEntropy(tensor([0.5], { dtype: 'float32' }), 1).dtype).toBe('float32');
  });

  it('rejects different shapes', () => {
    expectError(
      () => binaryCrossEntropy(zeros([3, 1]), zeros([3])),
      ShapeError,
      'binaryCrossEntropy: pred and target must have the same shape, got [3,1] and [3]',
    );
  });
});
