import { describe, expect, it } from 'vitest';
import { relu, sum, tensor } from '../../lib/index.js';

describe('relu', () => {
  it('max(x, 0)', () => {
    expect(relu(tensor([-2, 0, 3])).toArray()).toEqual([0, 0, 3]);
  });

  it("relu'(x) is 1 above 0 and 0 elsewhere, including relu'(0) = 0", () => {
    const x = tensor([-2, 0, 3], { requiresGrad: true });
    sum(relu(x)).backward();
    expect(x.grad?.toArray()).toEqual([0, 0, 1]);
  });
});
