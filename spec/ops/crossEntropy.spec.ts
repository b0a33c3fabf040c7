import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  crossEntropy,
  ShapeError,
  softmax,
  tensor,
  zeros,
} from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';

describe('crossEntropy (softmax cross-entropy of logits)', () => {
  it('−mean ln softmax(logits)[class]', () => {
    const p = softmax(tensor([2, 1, 0.5])).toArray() as number[];
    expectClose([crossEntropy(tensor([[2, 1, 0.5]]), [0]).item()], [-Math.log(p[0])], 1e-15);
    expectClose([crossEntropy(tensor([[2, 1, 0.5]]), [0]).item()], [0.4644], 1e-4);
    expectClose(
      [
        crossEntropy(
          tensor([
            [0, 0],
            [0, 0],
          ]),
          tensor([1, 0]),
        ).item(),
      ],
      [Math.LN2],
      1e-16,
    );
  });

  it('is finite and exact with logits of ±1000', () => {
    expect(crossEntropy(tensor([[1000, -1000]]), [0]).item()).toBe(0);
    expect(crossEntropy(tensor([[1000, -1000]]), [1]).item()).toBe(2000);
    const x = tensor([[1000, -1000, 0]], { requiresGrad: true });
    const loss = crossEntropy(x, [2]);
    expect(loss.item()).toBe(1000);
    loss.backward();
    expect(x.grad?.toArray()).toEqual([[1, 0, -1]]);
  });

  it('d/dlogits = (softmax − onehot)/N', () => {
    const x = tensor(
      [
        [2, 1, 0.5],
        [0, 0, 0],
      ],
      { requiresGrad: true },
    );
    crossEntropy(x, [0, 2]).backward();
    const p = softmax(tensor([2, 1, 0.5])).toArray() as number[];
    expectClose(
      x.grad!,
      [
        [(p[0] - 1) / 2, p[1] / 2, p[2] / 2],
        [1 / 6, 1 / 6, (1 / 3 - 1) / 2],
      ],
      1e-15,
    );
  });

  it('checks the class indices: integers in [0, C), one per row, with clear errors', () => {
    expectError(
      () => crossEntropy(zeros([2, 3]), [0, 3]),
      ArgumentError,
      'crossEntropy: classIndices[1] must be an integer in [0, 3), got 3',
    );
    expectError(
      () => crossEntropy(zeros([2, 3]), [0.5, 1]),
      ArgumentError,
      'crossEntropy: classIndices[0] must be an integer in [0, 3), got 0.5',
    );
    expectError(
      () => crossEntropy(zeros([2, 3]), tensor([[0], [1]])),
      ShapeError,
      'crossEntropy: classIndices must have shape [2] (one class per row of logits), got [2,1]',
    );
    expectError(
      () => crossEntropy(zeros([2, 3]), [0]),
      ShapeError,
      'crossEntropy: classIndices must have shape [2] (one class per row of logits), got [1]',
    );
    expectError(
      () => crossEntropy(zeros([3]), [0]),
      ShapeError,
      'crossEntropy: logits must have shape [N, C] (a row of class scores per example), got [3]',
    );
  });

  // NOTE: these used to give NaN, or throw naming max, an internal op (issue 12).
  it('an empty batch is a ShapeError, and an empty class axis names crossEntropy', () => {
    expectError(
      () => crossEntropy(zeros([0, 3]), []),
      ShapeError,
      'crossEntropy: logits is empty (shape [0,3]), and a mean over no elements is NaN; expected at least one element (an empty batch?)',
    );
    expectError(
      () => crossEntropy(zeros([2, 0]), [0, 0]),
      ArgumentError,
      'crossEntropy: classIndices[0] must be an integer in [0, 0), got 0',
    );
  });
});
