import { describe, expect, it } from 'vitest';
import { withGradMode } from '../../lib/autograd/index.js';
import { isGradEnabled, mul, noGrad, tensor } from '../../lib/index.js';

describe('noGrad and grad mode', () => {
  it('noGrad records nothing: results do not require grad', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const y = noGrad(() => mul(w, 2));
    expect(y.requiresGrad).toBe(false);
    expect(y.node).toBeNull();
    expect(y.toArray()).toEqual([2, 4]);
    expect(mul(w, 2).requiresGrad).toBe(true);
  });

  it('reports the mode and restores it, also when fn throws and when nested', () => {
    expect(isGradEnabled()).toBe(true);
    noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      withGradMode(true, () => expect(isGradEnabled()).toBe(true));
      expect(isGradEnabled()).toBe(false);
    });
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
  });

  it('returns the value of fn', () => {
    expect(noGrad(() => 42)).toBe(42);
  });
});
