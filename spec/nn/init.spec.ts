import { describe, expect, it } from 'vitest';
import { ArgumentError, init, Random, type Tensor } from '../../lib/index.js';

function stats(t: Tensor): { mean: number; variance: number; min: number; max: number } {
  const d = Array.from(t.data);
  const mean = d.reduce((s, v) => s + v, 0) / d.length;
  const variance = d.reduce((s, v) => s + (v - mean) ** 2, 0) / d.length;
  return { mean, variance, min: Math.min(...d), max: Math.max(...d) };
}

// 20,000 draws: the sample variance is within 5 % of the true one with overwhelming probability
// (its relative standard error is √(2/n) ≈ 1 % for a normal, √(0.8/n) ≈ 0.6 % for a uniform).
const SHAPE = [100, 200]; // fanIn 100, fanOut 200

describe('init.fans', () => {
  it('reads [in, out] weights, vectors, scalars and [..., in, out] kernels', () => {
    expect(init.fans([30, 16])).toEqual({ fanIn: 30, fanOut: 16 });
    expect(init.fans([7])).toEqual({ fanIn: 7, fanOut: 7 });
    expect(init.fans([])).toEqual({ fanIn: 1, fanOut: 1 });
    expect(init.fans([3, 3, 8, 16])).toEqual({ fanIn: 72, fanOut: 144 });
  });
});

describe('initialisers: distributions', () => {
  const cases: [string, (s: number[]) => Tensor, number, number | null][] = [
    // name, draw, expected variance, bound (null for unbounded)
    ['normal', (s) => init.normal(s, { seed: 1, mean: 0, std: 0.5 }), 0.25, null],
    ['uniform', (s) => init.uniform(s, { seed: 1, low: -2, high: 2 }), 16 / 12, 2],
    ['glorotUniform', (s) => init.glorotUniform(s, { seed: 1 }), 2 / 300, Math.sqrt(6 / 300)],
    ['glorotNormal', (s) => init.glorotNormal(s, { seed: 1 }), 2 / 300, null],
    ['heUniform', (s) => init.heUniform(s, { seed: 1 }), 2 / 100, Math.sqrt(6 / 100)],
    ['heNormal', (s) => init.heNormal(s, { seed: 1 }), 2 / 100, null],
    ['heNormal fanOut', (s) => init.heNormal(s, { seed: 1, mode: 'fanOut' }), 2 / 200, null],
    [
      'heUniform gain 1',
      (s) => init.heUniform(s, { seed: 1, gain: 1 }),
      1 / 100,
      Math.sqrt(3 / 100),
    ],
    [
      'glorotUniform gain 2',
      (s) => init.glorotUniform(s, { seed: 1, gain: 2 }),
      8 / 300,
      2 * Math.sqrt(6 / 300),
    ],
  ];
  for (const [name, draw, variance, bound] of cases) {
    it(`${name}: mean ≈ 0, variance within 5 % of ${variance.toPrecision(3)}${bound ? ', inside its bound' : ''}`, () => {
      const s = stats(draw(SHAPE));
      expect(Math.abs(s.mean)).toBeLessThan(5 * Math.sqrt(variance / 20000));
      expect(s.variance / variance).toBeGreaterThan(0.95);
      expect(s.variance / variance).toBeLessThan(1.05);
      if (bound !== null) {
        expect(s.max).toBeLessThanOrEqual(bound);
        expect(s.min).toBeGreaterThanOrEqual(-bound);
        expect(s.max).toBeGreaterThan(0.99 * bound); // fills its range
      }
    });
  }

  it('normal honours its mean', () => {
    expect(stats(init.normal(SHAPE, { mean: 3, std: 0.1, seed: 2 })).mean).toBeCloseTo(3, 2);
  });

  it('zeros, ones and constant fill and draw nothing from the generator', () => {
    const rng = new Random(5);
    const before = rng.state();
    expect(Array.from(init.zeros([2, 2], { rng }).data)).toEqual([0, 0, 0, 0]);
    expect(Array.from(init.ones([3], { rng }).data)).toEqual([1, 1, 1]);
    expect(Array.from(init.constant([2], 0.25, { rng }).data)).toEqual([0.25, 0.25]);
    expect(rng.state()).toEqual(before);
  });
});

describe('initialisers: seeding, dtype, aliases', () => {
  it('the same seed gives the same values, another seed others', () => {
    const a = init.glorotUniform([4, 5], { seed: 42 });
    const b = init.glorotUniform([4, 5], { seed: 42 });
    const c = init.glorotUniform([4, 5], { seed: 43 });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(Array.from(a.data)).not.toEqual(Array.from(c.data));
  });

  it('a shared generator advances, so successive draws differ', () => {
    const rng = new Random(7);
    const a = init.heNormal([3, 3], { rng });
    const b = init.heNormal([3, 3], { rng });
    expect(Array.from(a.data)).not.toEqual(Array.from(b.data));
  });

  it('the default seed is 0', () => {
    expect(Array.from(init.normal([5]).data)).toEqual(
      Array.from(init.normal([5], { seed: 0 }).data),
    );
  });

  it('uniform with the default range matches the generator stream: low + (high − low)·u', () => {
    const rng = new Random(9);
    const expected = Array.from({ length: 6 }, () => -1 + 2 * rng.uniform());
    expect(Array.from(init.uniform([6], { seed: 9, low: -1, high: 1 }).data)).toEqual(expected);
  });

  it('float32 on request, requiresGrad on request', () => {
    const t = init.heUniform([2, 3], { dtype: 'float32', requiresGrad: true });
    expect(t.dtype).toBe('float32');
    expect(t.data).toBeInstanceOf(Float32Array);
    expect(t.requiresGrad).toBe(true);
    expect(init.zeros([1]).requiresGrad).toBe(false);
  });

  it('Xavier and Kaiming are aliases of Glorot and He', () => {
    expect(init.xavierUniform).toBe(init.glorotUniform);
    expect(init.xavierNormal).toBe(init.glorotNormal);
    expect(init.kaimingUniform).toBe(init.heUniform);
    expect(init.kaimingNormal).toBe(init.heNormal);
  });
});

describe('initialisers: errors', () => {
  it('reject bad options with the function and argument named', () => {
    expect(() => init.normal([2], { seed: 1, rng: new Random(1) })).toThrow(
      /init\.normal: pass either seed or rng, not both/,
    );
    expect(() => init.normal([2], { std: -1 })).toThrow(
      /init\.normal: std must be non-negative, got -1/,
    );
    expect(() => init.uniform([2], { low: 1, high: 1 })).toThrow(/high must be greater than low/);
    expect(() => init.heNormal([2, 2], { mode: 'fanAvg' as never })).toThrow(
      /init\.heNormal: mode must be 'fanIn' or 'fanOut', got "fanAvg"/,
    );
    expect(() => init.glorotUniform([2, 2], { gain: 0 })).toThrow(
      /gain must be a positive finite number/,
    );
    expect(() => init.constant([2], Number.NaN)).toThrow(/value must be a finite number/);
    expect(() => init.uniform([2], { rng: {} as never })).toThrow(ArgumentError);
    expect(() => init.zeros([-1])).toThrow(
      /init\.zeros: shape must be a list of non-negative integers/,
    );
  });
});
