import { lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  binaryCrossEntropy,
  Dataset,
  fit,
  mlp,
  ShapeError,
  sgd,
  tensor,
  zeros,
} from '../../lib/index.js';
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

  // NOTE: these used to give −0.405 and accept targets of 2 silently (issue 12).
  it('rejects probabilities and targets outside [0, 1]: no negative losses', () => {
    expectError(
      () => binaryCrossEntropy(tensor([1.5]), tensor([1])),
      ArgumentError,
      'binaryCrossEntropy: pred must be in [0, 1] (probabilities; pass raw scores to binaryCrossEntropyWithLogits), got 1.5 at [0]',
    );
    expectError(
      () => binaryCrossEntropy(tensor([[0.5], [0.5]]), tensor([[0], [2]])),
      ArgumentError,
      'binaryCrossEntropy: target must be in [0, 1] (0/1 labels or soft targets), got 2 at [1,0]',
    );
    expectError(
      () => binaryCrossEntropy(tensor([0.5]), -1),
      ArgumentError,
      'binaryCrossEntropy: target must be in [0, 1] (0/1 labels or soft targets), got -1',
    );
    expectError(
      () => binaryCrossEntropy(tensor([-Infinity]), 0),
      ArgumentError,
      'binaryCrossEntropy: pred must be in [0, 1] (probabilities; pass raw scores to binaryCrossEntropyWithLogits), got -Infinity at [0]',
    );
  });

  it('lets NaN through into a NaN loss (not hidden)', () => {
    expect(binaryCrossEntropy(tensor([Number.NaN]), tensor([1])).item()).toBeNaN();
  });

  it('fit with binaryCrossEntropy on labels 0/1/2 fails with the ArgumentError', async () => {
    const model = mlp([2, 3, 1], { seed: 0, outputActivation: 'sigmoid' });
    const data = new Dataset(
      tensor([
        [0, 1],
        [1, 0],
        [1, 1],
      ]),
      tensor([[0], [1], [2]]),
    );
    const run = async () =>
      lastValueFrom(
        fit(model, data, {
          loss: 'binaryCrossEntropy',
          optimizer: sgd(model.parameters(), { lr: 0.1 }),
          epochs: 1,
          batchSize: 3,
        }),
      );
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as Error).message).toMatch(/binaryCrossEntropy: target must be in \[0, 1\]/);
  });

  it('an empty batch is a ShapeError, not NaN', () => {
    expectError(
      () => binaryCrossEntropy(zeros([0, 1]), zeros([0, 1])),
      ShapeError,
      'binaryCrossEntropy: pred is empty (shape [0,1]), and a mean over no elements is NaN; expected at least one element (an empty batch?)',
    );
  });
});
