import { describe, expect, it } from 'vitest';
import { add, exp, log, mul, sum, tensor } from '../../lib/index.js';
import { findNonFinite } from '../../lib/train/findNonFinite.js';

describe('findNonFinite', () => {
  it('names the first op, in topological order, whose output holds NaN or Infinity', () => {
    const x = tensor([1, 2]).requireGrad();
    // a diamond: exp(1000) is Infinity; the ops after it (mul, add, sum) inherit it
    const big = exp(mul(x, 1000));
    const y = sum(add(log(x), big));
    expect(findNonFinite(y)).toEqual({
      op: 'exp',
      description: "op 'exp' (output [2]: Infinity at flat index 0)",
    });
  });

  it('names a leaf that already holds a non-finite value, by the name given', () => {
    const w = tensor([1, Number.NaN]).requireGrad();
    const y = sum(mul(w, 2));
    expect(findNonFinite(y, new Map([[w, 'layers.0.weight']]))?.description).toBe(
      "parameter 'layers.0.weight' ([2]: NaN at flat index 1)",
    );
  });

  it('returns null for a finite graph', () => {
    const x = tensor([1, 2]).requireGrad();
    expect(findNonFinite(sum(exp(x)))).toBeNull();
  });
});
