import { describe, expect, it } from 'vitest';
import { erf, sum, tensor } from '../../lib/index.js';
import { expectClose } from '../core/helpers.js';

/** (2/√π)∫₀ˣ e^(−t²) dt by composite Simpson's rule: an oracle independent of the implementation. */
function simpson(x: number): number {
  const n = 4000;
  const h = x / n;
  let s = 1 + Math.exp(-x * x);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * Math.exp(-(i * h) * (i * h));
  return ((s * h) / 3) * (2 / Math.sqrt(Math.PI));
}

describe('erf', () => {
  it('matches published values (Abramowitz & Stegun table 7.1) to ~1e-15', () => {
    expectClose(
      erf(tensor([0, 0.5, 1, 2, -1, 3])),
      [
        0, 0.5204998778130465, 0.8427007929497149, 0.9953222650189527, -0.8427007929497149,
        0.9999779095030014,
      ],
      5e-16,
    );
  });

  it('matches numerical integration across [−5, 5], both sides of the method switch at 2.5', () => {
    const xs = Array.from({ length: 81 }, (_, i) => -5 + i * 0.125);
    expectClose(erf(tensor(xs)), xs.map(simpson), 1e-13);
  });

  it('tends to ±1, is odd, and keeps NaN', () => {
    expect(erf(tensor([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 30])).toArray()).toEqual(
      [1, -1, 1],
    );
    expect(erf(tensor([Number.NaN])).item()).toBeNaN();
    expect(erf(tensor([0.3])).item()).toBe(-erf(tensor([-0.3])).item());
  });

  it('d erf = (2/√π)·e^(−x²)', () => {
    const x = tensor([0, 1], { requiresGrad: true });
    sum(erf(x)).backward();
    expectClose(x.grad!, [2 / Math.sqrt(Math.PI), (2 / Math.sqrt(Math.PI)) * Math.exp(-1)], 1e-15);
  });
});
