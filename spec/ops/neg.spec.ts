import { describe, expect, it } from 'vitest';
import { ArgumentError, neg, sum, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('neg', () => {
  it('negates, with gradient −1', () => {
    const x = tensor([1, -2], { requiresGrad: true });
    const y = neg(x);
    expect(y.toArray()).toEqual([-1, 2]);
    sum(y).backward();
    expect(x.grad?.toArray()).toEqual([-1, -1]);
  });

  it('unary ops take tensors only, and say so', () => {
    expectError(() => neg(3 as never), ArgumentError, 'neg: x must be a Tensor, got number');
  });
});
