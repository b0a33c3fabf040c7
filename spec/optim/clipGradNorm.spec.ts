import { describe, expect, it } from 'vitest';
import { ArgumentError, add, clipGradNorm, NonFiniteError, sum, tensor } from '../../lib/index.js';

const withGrad = (values: number[]) => {
  const t = tensor(
    values.map(() => 0),
    { requiresGrad: true },
  );
  t.grad = tensor(values);
  return t;
};

describe('clipGradNorm', () => {
  it('returns the total 2-norm over all gradients and rescales them to maxNorm', () => {
    const a = withGrad([3, 4]);
    const b = withGrad([12]);
    const norm = clipGradNorm([a, b], 1);
    expect(norm).toBe(13); // √(9 + 16 + 144)
    const coef = 1 / (13 + 1e-6);
    expect(Array.from(a.grad!.data)).toEqual([3 * coef, 4 * coef]);
    expect(Array.from(b.grad!.data)).toEqual([12 * coef]);
  });

  it('leaves gradients untouched when the norm is within maxNorm', () => {
    const a = withGrad([0.3, 0.4]);
    const g = a.grad;
    expect(clipGradNorm([a], 1)).toBeCloseTo(0.5, 15);
    expect(a.grad).toBe(g);
  });

  it('supports the ∞-norm and the 1-norm', () => {
    const a = withGrad([-6, 2]);
    expect(clipGradNorm([a], 3, { normType: Number.POSITIVE_INFINITY })).toBe(6);
    expect(a.grad!.data[0]).toBeCloseTo(-3, 5);
    expect(clipGradNorm([withGrad([1, -2, 3])], 100, { normType: 1 })).toBe(6);
  });

  it('skips parameters without a gradient', () => {
    const a = withGrad([3, 4]);
    const b = tensor([1], { requiresGrad: true });
    expect(clipGradNorm([a, b], 10)).toBe(5);
    expect(b.grad).toBeNull();
  });

  it('scales gradients that share storage once each (backward of a + b hands both the same tensor)', () => {
    const a = tensor([1, 1], { requiresGrad: true });
    const b = tensor([1, 1], { requiresGrad: true });
    sum(add(a, b)).backward();
    const norm = clipGradNorm([a, b], 1);
    expect(norm).toBeCloseTo(2, 15); // √(1+1+1+1)
    const expected = 1 / (2 + 1e-6);
    expect(Array.from(a.grad!.data)).toEqual([expected, expected]);
    expect(Array.from(b.grad!.data)).toEqual([expected, expected]);
  });

  it('a non-finite norm leaves the gradients alone, or throws on request', () => {
    const a = withGrad([Number.POSITIVE_INFINITY, 1]);
    const g = a.grad;
    expect(clipGradNorm([a], 1)).toBe(Number.POSITIVE_INFINITY);
    expect(a.grad).toBe(g);
    expect(() => clipGradNorm([withGrad([Number.NaN])], 1, { errorIfNonFinite: true })).toThrow(
      NonFiniteError,
    );
    expect(() => clipGradNorm([withGrad([Number.NaN])], 1, { errorIfNonFinite: true })).toThrow(
      'clipGradNorm: the total 2-norm of the gradients is NaN',
    );
  });

  it('rejects bad arguments', () => {
    expect(() => clipGradNorm([], -1)).toThrow(ArgumentError);
    expect(() => clipGradNorm([], -1)).toThrow(
      'clipGradNorm: maxNorm must be a non-negative finite number, got -1',
    );
    expect(() => clipGradNorm([], 1, { normType: 0.5 })).toThrow(
      'clipGradNorm: normType must be ≥ 1 or Infinity, got 0.5',
    );
    expect(() => clipGradNorm([1] as never, 1)).toThrow(
      'clipGradNorm: params[0] must be a Tensor, got number',
    );
  });
});
