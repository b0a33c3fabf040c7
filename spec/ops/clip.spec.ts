import { describe, expect, it } from 'vitest';
import { ArgumentError, clip, sum, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('clip', () => {
  it('limits to [min, max]; either bound may be left out', () => {
    expect(clip(tensor([-2, 0.5, 3]), 0, 1).toArray()).toEqual([0, 0.5, 1]);
    expect(clip(tensor([-2, 3]), 0).toArray()).toEqual([0, 3]);
    expect(clip(tensor([-2, 3]), undefined, 1).toArray()).toEqual([-2, 1]);
  });

  it('passes the gradient inside the range, bounds included, and nothing outside', () => {
    const x = tensor([-2, 0, 0.5, 1, 3], { requiresGrad: true });
    sum(clip(x, 0, 1)).backward();
    expect(x.grad?.toArray()).toEqual([0, 1, 1, 1, 0]);
  });

  it('rejects bad bounds', () => {
    expectError(
      () => clip(tensor([1]), 2, 1),
      ArgumentError,
      'clip: min must not exceed max, got min=2, max=1',
    );
    expectError(
      () => clip(tensor([1]), Number.NaN),
      ArgumentError,
      'clip: min must be a number, got NaN',
    );
  });
});
