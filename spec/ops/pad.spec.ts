import { describe, expect, it } from 'vitest';
import { ArgumentError, mul, type PadWidths, pad, sum, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';
import { expectTorch, fromPacked, torchCases } from './fixtures/torch/fixtures.js';

describe('pad', () => {
  it('adds the value before and after each axis, as numpy.pad in constant mode', () => {
    expect(
      pad(tensor([[1, 2]]), [
        [0, 0],
        [1, 2],
      ]).toArray(),
    ).toEqual([[0, 1, 2, 0, 0]]);
    expect(pad(tensor([5]), 1, -1).toArray()).toEqual([-1, 5, -1]);
    expect(pad(tensor([[1]]), [1, 0]).toArray()).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it('keeps x bit for bit inside a non-zero border', () => {
    const x = tensor([0.1, 0.7, 1e-300]);
    expect(pad(x, 1, 0.3).data.subarray(1, 4)).toEqual(x.data);
  });

  it('matches PyTorch 1.13 F.pad (constant), gradient included', () => {
    for (const c of torchCases('pad')) {
      const x = fromPacked(c.inputs.x, 'float64', true);
      const y = pad(x, c.widths as PadWidths, c.value as number);
      expectTorch(y, c.outputs.y, 0);
      sum(mul(y, fromPacked(c.inputs.gy))).backward();
      expectTorch(x.grad, c.outputs.dx, 0);
    }
  });

  it('rejects widths that do not fit the rank, or are negative', () => {
    expectError(
      () => pad(tensor([[1]]), [[1, 1]]),
      ArgumentError,
      'pad: widths must be an integer ≥ 0, a [before, after] pair, or one pair per axis (2 for this input), got [[1,1]]',
    );
    expectError(
      () => pad(tensor([1]), -1),
      ArgumentError,
      'pad: widths must be an integer ≥ 0, a [before, after] pair, or one pair per axis (1 for this input), got -1',
    );
  });
});
