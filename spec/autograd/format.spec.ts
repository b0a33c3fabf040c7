import { describe, expect, it } from 'vitest';
import { arange, mul, reshape, tensor, zeros } from '../../lib/index.js';

describe('toString (numpy/torch style)', () => {
  it('shows integral values with a trailing point, shape and dtype', () => {
    expect(tensor([1, 2, 3]).toString()).toBe('tensor([1., 2., 3.], shape=[3], dtype=float64)');
    expect(tensor(3, { dtype: 'float32' }).toString()).toBe('tensor(3., shape=[], dtype=float32)');
  });

  it('aligns rows of a matrix under each other', () => {
    expect(
      tensor([
        [1, 2],
        [3, 4],
      ]).toString(),
    ).toBe('tensor([[1., 2.],\n        [3., 4.]], shape=[2,2], dtype=float64)');
  });

  it('uses 4 decimals, padded to a common width, and scientific notation for tiny values', () => {
    expect(tensor([0.5, -1.25]).toString()).toBe(
      'tensor([ 0.5000, -1.2500], shape=[2], dtype=float64)',
    );
    expect(tensor([1e-6, 1]).toString()).toBe(
      'tensor([1.0000e-6, 1.0000e+0], shape=[2], dtype=float64)',
    );
  });

  it('writes nan and inf as numpy does', () => {
    expect(
      tensor([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5]).toString(),
    ).toBe('tensor([   nan,    inf,   -inf, 1.5000], shape=[4], dtype=float64)');
  });

  it('elides the middle of a large tensor, keeping 3 values at each edge', () => {
    expect(arange(2000).toString()).toBe(
      'tensor([   0.,    1.,    2., ..., 1997., 1998., 1999.], shape=[2000], dtype=float64)',
    );
    const text = reshape(arange(2000), [2, 1000]).toString();
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toContain('...');
  });

  it('says whether a tensor requires grad or which op made it', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(x.toString()).toBe('tensor([1., 2.], shape=[2], dtype=float64, requiresGrad=true)');
    expect(mul(x, 2).toString()).toBe('tensor([2., 4.], shape=[2], dtype=float64, op=mul)');
  });

  it('prints empty tensors', () => {
    expect(zeros([0, 3]).toString()).toBe('tensor([], shape=[0,3], dtype=float64)');
  });
});
