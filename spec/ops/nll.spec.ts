import { describe, expect, it } from 'vitest';
import { ArgumentError, log, logSoftmax, nll, ShapeError, tensor, zeros } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('nll', () => {
  it('−mean of the picked log-probabilities', () => {
    expect(
      nll(
        tensor([
          [-1, -2],
          [-3, -4],
        ]),
        [1, 0],
      ).item(),
    ).toBe(2.5);
    expect(nll(logSoftmax(tensor([[0, 0]])), tensor([1])).item()).toBeCloseTo(Math.LN2, 15);
  });

  it('−inf in classes that are not picked does not turn into NaN (no one-hot product)', () => {
    expect(nll(log(tensor([[0, 1]])), [1]).item()).toBe(0);
    const lp = tensor([[Number.NEGATIVE_INFINITY, 0]], { requiresGrad: true });
    nll(lp, [1]).backward();
    expect(lp.grad?.toArray()).toEqual([[0, -1]]);
  });

  it('names itself in errors', () => {
    expectError(
      () => nll(tensor([[0, 0]]), [2]),
      ArgumentError,
      'nll: classIndices[0] must be an integer in [0, 2), got 2',
    );
  });

  it('an empty batch is a ShapeError, not NaN', () => {
    expectError(
      () => nll(zeros([0, 2]), []),
      ShapeError,
      'nll: logProbs is empty (shape [0,2]), and a mean over no elements is NaN; expected at least one element (an empty batch?)',
    );
  });
});
