import { describe, expect, it } from 'vitest';
import { ArgumentError, Random, randn } from '../../lib/index.js';
import { expectError } from './helpers.js';

const draw = (r: Random, n: number) => Array.from({ length: n }, () => r.uniform());

describe('Random (seeded, the only source of randomness)', () => {
  it('the same seed gives the same stream; different seeds differ', () => {
    expect(draw(new Random(42), 20)).toEqual(draw(new Random(42), 20));
    expect(draw(new Random(42), 5)).not.toEqual(draw(new Random(43), 5));
    expect(draw(new Random(1), 5)).not.toEqual(draw(new Random(2 ** 32 + 1), 5));
  });

  it('uniform is in [0, 1) with mean near 1/2', () => {
    const xs = draw(new Random(7), 20000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    // standard error of the mean is 1/√(12·20000) ≈ 0.002
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });

  it('normal has mean 0 and variance 1 (within sampling error)', () => {
    const r = new Random(3);
    const xs = Array.from({ length: 20000 }, () => r.normal());
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('int stays in range and permutation is a permutation', () => {
    const r = new Random(5);
    const ints = Array.from({ length: 1000 }, () => r.int(6));
    expect(ints.every((i) => Number.isInteger(i) && i >= 0 && i < 6)).toBe(true);
    expect(new Set(ints).size).toBe(6);
    const p = r.permutation(50);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('state() and fromState() resume the exact stream, spare normal included', () => {
    const r = new Random(9);
    r.normal();
    const saved = JSON.parse(JSON.stringify(r.state()));
    const next = [r.normal(), r.normal(), r.uniform()];
    const resumed = Random.fromState(saved);
    expect([resumed.normal(), resumed.normal(), resumed.uniform()]).toEqual(next);
  });

  it('fork gives an independent, reproducible stream', () => {
    const a = new Random(11).fork();
    const b = new Random(11).fork();
    expect(draw(a, 5)).toEqual(draw(b, 5));
    expect(draw(new Random(11).fork(), 5)).not.toEqual(draw(new Random(11), 5));
  });

  it('seeded tensors are reproducible', () => {
    expect(randn([3], { seed: 4 }).toArray()).toEqual(randn([3], { seed: 4 }).toArray());
    expect(randn([3], { seed: 4 }).toArray()).not.toEqual(randn([3], { seed: 5 }).toArray());
  });

  it('rejects bad arguments with clear messages', () => {
    expectError(
      () => new Random(Number.NaN),
      ArgumentError,
      'Random: seed must be a finite number, got NaN',
    );
    expectError(
      () => new Random(1).int(0),
      ArgumentError,
      'Random.int: n must be a positive integer, got 0',
    );
    expectError(
      () => new Random(1).setState({ s: [1, 2, 3], spare: null } as never),
      ArgumentError,
      'Random.setState: expected { s: four unsigned 32-bit integers, spare }, got {"s":[1,2,3],"spare":null}',
    );
  });
});
