import { describe, expect, it } from 'vitest';
import { ArgumentError, Dropout, ones, Random, Sequential, tensor } from '../../lib/index.js';

const N = 20000;

describe('Dropout', () => {
  it('zeroes about a fraction p and scales the rest by 1/(1 − p)', () => {
    const p = 0.3;
    const y = new Dropout(p, { seed: 1 }).forward(ones([N]));
    const d = Array.from(y.data);
    const zeros = d.filter((v) => v === 0).length / N;
    // binomial: standard deviation √(p(1−p)/N) ≈ 0.0032; allow 5 of them
    expect(Math.abs(zeros - p)).toBeLessThan(0.017);
    expect(d.every((v) => v === 0 || v === 1 / (1 - p))).toBe(true);
    const mean = d.reduce((s, v) => s + v, 0) / N;
    expect(Math.abs(mean - 1)).toBeLessThan(0.025); // inverted scaling keeps the expectation
  });

  it('its gradient is the same mask: d(x⊙m)/dx = m', () => {
    const x = ones([1000], { requiresGrad: true });
    const y = new Dropout(0.5, { seed: 2 }).forward(x);
    y.sum().backward();
    expect(Array.from(x.grad!.data)).toEqual(Array.from(y.data));
  });

  it('is the identity in eval mode and for p = 0', () => {
    const x = tensor([1, 2, 3]);
    const drop = new Dropout(0.9);
    expect(drop.eval().forward(x)).toBe(x);
    expect(new Dropout(0).forward(x)).toBe(x);
    const net = new Sequential(new Dropout(0.5));
    net.eval();
    expect(net.forward(x)).toBe(x);
  });

  it('is seeded: the same seed gives the same masks, successive calls new masks', () => {
    const a = new Dropout(0.5, { seed: 7 });
    const b = new Dropout(0.5, { seed: 7 });
    const first = Array.from(a.forward(ones([64])).data);
    expect(first).toEqual(Array.from(b.forward(ones([64])).data));
    expect(Array.from(a.forward(ones([64])).data)).not.toEqual(first);
    const rng = new Random(7);
    const expected = Array.from({ length: 64 }, () => (rng.uniform() < 0.5 ? 0 : 2));
    expect(first).toEqual(expected);
  });

  it('validates p and describes itself', () => {
    for (const p of [-0.1, 1, 1.5, Number.NaN]) {
      expect(() => new Dropout(p)).toThrow(ArgumentError);
    }
    expect(() => new Dropout(1)).toThrow('Dropout: p must be a probability in [0, 1), got 1');
    expect(new Dropout(0.25).describe()).toBe('Dropout(p=0.25)');
    expect(new Dropout().p).toBe(0.5);
    expect(new Dropout(0.2).parameterCount()).toBe(0);
  });
});
