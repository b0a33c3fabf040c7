import { describe, expect, it } from 'vitest';
import { log, logSoftmax, softmax, sum, tensor, zeros } from '../../lib/index.js';
import { expectClose } from '../core/helpers.js';

describe('logSoftmax', () => {
  it('equals log(softmax) at moderate values', () => {
    const x = tensor([
      [2, 1, 0.5],
      [0, -3, 4],
    ]);
    expectClose(logSoftmax(x), log(softmax(x)).toArray(), 1e-15);
  });

  it('is finite and exact at ±1000 where log(softmax) would give −inf', () => {
    expect(logSoftmax(tensor([1000, 0])).toArray()).toEqual([0, -1000]);
    expect(logSoftmax(tensor([1000, -1000])).toArray()).toEqual([0, -2000]);
    expectClose(logSoftmax(tensor([-1000, -1000])), [-Math.LN2, -Math.LN2], 1e-15);
    expect(log(softmax(tensor([1000, -1000]))).data[1]).toBe(Number.NEGATIVE_INFINITY);
  });

  it('the gradient of a picked log-probability is onehot − softmax', () => {
    const x = tensor([1000, 0, -1000], { requiresGrad: true });
    logSoftmax(x).backward(tensor([0, 1, 0]));
    expectClose(x.grad!, [-1, 1, 0], 0);
    const y = tensor([0.5, 1.5], { requiresGrad: true });
    sum(logSoftmax(y, 0)).backward();
    const p = softmax(tensor([0.5, 1.5])).toArray() as number[];
    expectClose(y.grad!, [1 - 2 * p[0], 1 - 2 * p[1]], 1e-15);
  });

  // NOTE: this used to throw "max: cannot reduce over an empty axis" (issue 12).
  it('over an empty axis is empty, as in PyTorch, and differentiable', () => {
    const x = zeros([2, 0], { requiresGrad: true });
    const y = logSoftmax(x);
    expect(y.shape).toEqual([2, 0]);
    sum(y).backward();
    expect(x.grad?.shape).toEqual([2, 0]);
    expect(logSoftmax(zeros([0, 4]), 1).shape).toEqual([0, 4]);
  });
});
