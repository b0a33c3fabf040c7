import { describe, expect, it } from 'vitest';
import { ArgumentError, mul, softmax, sum, tensor, zeros } from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';

describe('softmax', () => {
  it('softmax([2, 1, 0.5]) ≈ [0.629, 0.231, 0.140]', () => {
    const e = [Math.exp(2), Math.exp(1), Math.exp(0.5)];
    const z = e[0] + e[1] + e[2];
    const y = softmax(tensor([2, 1, 0.5]));
    expectClose(y, [0.629, 0.231, 0.14], 1e-3);
    expectClose(
      y,
      e.map((v) => v / z),
      1e-15,
    );
  });

  it('normalises along the axis (last by default)', () => {
    const x = tensor([
      [1, 2],
      [3, 5],
    ]);
    expectClose(sum(softmax(x), 1), [1, 1], 1e-15);
    expectClose(sum(softmax(x, 0), 0), [1, 1], 1e-15);
    expectClose(
      softmax(x, 0),
      [
        [1 / (1 + Math.exp(2)), 1 / (1 + Math.exp(3))],
        [1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(-3))],
      ],
      1e-15,
    );
  });

  it('is finite and correct with logits of ±1000, and treats −inf as probability 0', () => {
    expect(softmax(tensor([1000, -1000])).toArray()).toEqual([1, 0]);
    expectClose(softmax(tensor([1000, 1000])), [0.5, 0.5], 0);
    expectClose(softmax(tensor([-1000, -1000, -1000])), [1 / 3, 1 / 3, 1 / 3], 1e-16);
    expect(softmax(tensor([0, Number.NEGATIVE_INFINITY])).toArray()).toEqual([1, 0]);
    const x = tensor([1000, -1000], { requiresGrad: true });
    sum(mul(softmax(x), tensor([1, 2]))).backward();
    expect([...x.grad!.data].every(Number.isFinite)).toBe(true);
  });

  it('does not change when a constant is added to the logits', () => {
    expectClose(softmax(tensor([1, 2, 3])), softmax(tensor([101, 102, 103])).toArray(), 1e-15);
  });

  it('the gradient of Σ softmax is 0 (the outputs always sum to 1)', () => {
    const x = tensor([0.3, -1, 2], { requiresGrad: true });
    sum(softmax(x)).backward();
    expectClose(x.grad!, [0, 0, 0], 1e-15);
  });

  it('names itself in axis errors', () => {
    expectError(
      () => softmax(tensor([1, 2]), 1),
      ArgumentError,
      'softmax: axis must be an integer in [-1, 0] for a tensor of rank 1, got 1',
    );
  });

  // NOTE: this used to throw "max: cannot reduce over an empty axis", naming an internal op (issue 12).
  it('over an empty axis is empty, as in PyTorch, and differentiable', () => {
    const x = zeros([2, 0], { requiresGrad: true });
    const y = softmax(x);
    expect(y.shape).toEqual([2, 0]);
    sum(y).backward();
    expect(x.grad?.shape).toEqual([2, 0]);
    expect(softmax(zeros([0, 3])).shape).toEqual([0, 3]);
    expect(softmax(zeros([3, 0]), 0).shape).toEqual([3, 0]);
  });
});
