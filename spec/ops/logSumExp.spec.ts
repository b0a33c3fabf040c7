import { describe, expect, it } from 'vitest';
import { exp, log, logSumExp, sum, tensor, zeros } from '../../lib/index.js';
import { expectClose } from '../core/helpers.js';

describe('logSumExp', () => {
  it('equals ln Σ eˣ at moderate values, over any axes, with or without keepDims', () => {
    const x = tensor([
      [1, 2, 3],
      [0, -1, 0.5],
    ]);
    expectClose(logSumExp(x), [log(sum(exp(x))).item()], 1e-14);
    expectClose(logSumExp(x, 1), log(sum(exp(x), 1)).toArray(), 1e-14);
    expectClose(logSumExp(x, 0, true), log(sum(exp(x), 0, true)).toArray(), 1e-14);
    expect(logSumExp(x, 0, true).shape).toEqual([1, 3]);
    expect(logSumExp(x, [0, 1]).shape).toEqual([]);
  });

  it('is finite and exact at ±1000, and −inf for a row of −inf', () => {
    expectClose(logSumExp(tensor([1000, 1000])), [1000 + Math.LN2], 1e-12);
    expectClose(logSumExp(tensor([-1000, -1000])), [-1000 + Math.LN2], 1e-12);
    expect(logSumExp(tensor([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY])).item()).toBe(
      Number.NEGATIVE_INFINITY,
    );
  });

  it('its gradient is softmax', () => {
    const x = tensor([1000, 1000, -1000], { requiresGrad: true });
    logSumExp(x).backward();
    expectClose(x.grad!, [0.5, 0.5, 0], 1e-15);
  });

  // NOTE: this used to throw "max: cannot reduce over an empty axis" (issue 12).
  it('over an empty axis is ln 0 = −∞, as in PyTorch', () => {
    expect(logSumExp(zeros([2, 0]), 1).toArray()).toEqual([-Infinity, -Infinity]);
    expect(logSumExp(zeros([2, 0]), 1, true).shape).toEqual([2, 1]);
    expect(logSumExp(zeros([0])).item()).toBe(-Infinity);
    expect(logSumExp(zeros([0, 3]), 1).shape).toEqual([0]);
    const x = zeros([3, 0], { requiresGrad: true });
    logSumExp(x, 1).backward(tensor([1, 1, 1]));
    expect(x.grad?.shape).toEqual([3, 0]);
  });
});
