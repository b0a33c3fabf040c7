import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, add, broadcastTo, zeros } from '../../lib/index.js';
import { arbBroadcastableShapes } from '../../lib/testing/index.js';
import { expectError } from '../core/helpers.js';

describe('arbBroadcastableShapes', () => {
  it('generates shapes that broadcast together (add accepts them)', () => {
    fc.assert(
      fc.property(arbBroadcastableShapes({ count: 3, maxRank: 4 }), (shapes) => {
        expect(shapes).toHaveLength(3);
        const out = add(add(zeros(shapes[0]), zeros(shapes[1])), zeros(shapes[2]));
        for (const s of shapes) expect(broadcastTo(zeros(s), out.shape).shape).toEqual(out.shape);
      }),
      { numRuns: 100 },
    );
  });

  it('produces real broadcasting: different ranks and stretched dimensions of 1', () => {
    const samples = fc.sample(arbBroadcastableShapes({ minRank: 2, maxRank: 3, minDim: 2 }), {
      numRuns: 200,
      seed: 2,
    });
    expect(samples.some(([a, b]) => a.length !== b.length)).toBe(true);
    expect(
      samples.some(([a, b]) => a.length === b.length && a.some((d, i) => d === 1 && b[i] > 1)),
    ).toBe(true);
  });

  it('validates count and the shape options', () => {
    expectError(
      () => arbBroadcastableShapes({ count: 0 }),
      ArgumentError,
      'arbBroadcastableShapes: count must be an integer ≥ 1, got 0',
    );
    expectError(
      () => arbBroadcastableShapes({ maxDim: 0, minDim: 1 }),
      ArgumentError,
      'arbBroadcastableShapes: maxDim must be an integer ≥ minDim (1), got 0',
    );
  });
});
