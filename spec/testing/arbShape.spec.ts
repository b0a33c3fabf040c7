import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../lib/index.js';
import { arbShape } from '../../lib/testing/index.js';
import { expectError } from '../core/helpers.js';

describe('arbShape', () => {
  it('generates shapes within the rank and dimension bounds', () => {
    fc.assert(
      fc.property(arbShape({ minRank: 1, maxRank: 3, minDim: 2, maxDim: 5 }), (shape) => {
        expect(shape.length).toBeGreaterThanOrEqual(1);
        expect(shape.length).toBeLessThanOrEqual(3);
        for (const d of shape) {
          expect(Number.isInteger(d)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(2);
          expect(d).toBeLessThanOrEqual(5);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('reaches scalars and the largest rank with the defaults', () => {
    const ranks = new Set(fc.sample(arbShape(), { numRuns: 200, seed: 1 }).map((s) => s.length));
    expect(ranks.has(0)).toBe(true);
    expect(ranks.has(3)).toBe(true);
  });

  it('rank fixes the number of dimensions', () => {
    const shapes = fc.sample(arbShape({ rank: 2, maxDim: 3 }), { numRuns: 30, seed: 3 });
    expect(shapes.every((s) => s.length === 2)).toBe(true);
  });

  it('validates its options with messages that say what was wrong', () => {
    expectError(
      () => arbShape({ minRank: -1 }),
      ArgumentError,
      'arbShape: minRank must be an integer ≥ 0, got -1',
    );
    expectError(
      () => arbShape({ minRank: 2, maxRank: 1 }),
      ArgumentError,
      'arbShape: maxRank must be an integer ≥ minRank (2), got 1',
    );
    expectError(
      () => arbShape({ maxRank: 9 }),
      ArgumentError,
      'arbShape: maxRank must be at most 8, got 9',
    );
    expectError(
      () => arbShape({ minDim: 3, maxDim: 2 }),
      ArgumentError,
      'arbShape: maxDim must be an integer ≥ minDim (3), got 2',
    );
    expectError(
      () => arbShape({ maxDim: 2.5 }),
      ArgumentError,
      'arbShape: maxDim must be an integer ≥ minDim (1), got 2.5',
    );
    expectError(
      () => arbShape(null as never),
      ArgumentError,
      'arbShape: options must be an object, got null',
    );
  });
});
