import { describe, expect, it } from 'vitest';
import { tensor } from '../../lib/autograd/index.js';
import '../../lib/ops/index.js';
import { constantBinary, constantUnary, tieSplitMasks } from '../../lib/ops/constant.js';

describe('constant masks', () => {
  it('are computed by the kernels and record no graph', () => {
    const x = tensor([-1, 0, 2], { requiresGrad: true });
    const step = constantUnary('step', x);
    expect(step.toArray()).toEqual([0, 0, 1]);
    expect(step.requiresGrad).toBe(false);
    expect(constantBinary('equal', x, 0).toArray()).toEqual([0, 1, 0]);
    expect(constantBinary('greater', tensor([[1], [3]]), tensor([2, 0])).toArray()).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('tieSplitMasks gives [a > b] + ½[a = b] and its complement', () => {
    const [ma, mb] = tieSplitMasks(tensor([1, 2, 3]), tensor([2]));
    expect(ma.toArray()).toEqual([0, 0.5, 1]);
    expect(mb.toArray()).toEqual([1, 0.5, 0]);
  });
});
