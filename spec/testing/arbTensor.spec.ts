import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, DTypeError, log, ShapeError, sum, Tensor } from '../../lib/index.js';
import { arbTensor, expectGradientsMatch } from '../../lib/testing/index.js';
import { expectError } from '../core/helpers.js';

describe('arbTensor', () => {
  it('generates tensors of the given shape and dtype, values finite and in [min, max]', () => {
    fc.assert(
      fc.property(arbTensor({ shape: [2, 3], dtype: 'float32', min: -1, max: 4 }), (t) => {
        expect(t).toBeInstanceOf(Tensor);
        expect(t.shape).toEqual([2, 3]);
        expect(t.dtype).toBe('float32');
        for (const v of t.data) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(-1);
          expect(v).toBeLessThanOrEqual(4);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('generates shapes from the rank and dimension options', () => {
    fc.assert(
      fc.property(arbTensor({ minRank: 2, maxRank: 2, maxDim: 3, requiresGrad: true }), (t) => {
        expect(t.rank).toBe(2);
        expect(t.requiresGrad).toBe(true);
        expect(t.dtype).toBe('float64');
      }),
      { numRuns: 20 },
    );
  });

  it('keeps values `margin` away from the avoided points (kinks and poles)', () => {
    fc.assert(
      fc.property(arbTensor({ shape: [20], avoid: [0, 1], margin: 0.1 }), (t) => {
        for (const v of t.data) {
          expect(Math.abs(v)).toBeGreaterThanOrEqual(0.1);
          expect(Math.abs(v - 1)).toBeGreaterThanOrEqual(0.1 - 1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('distinct keeps every two elements apart (no ties)', () => {
    fc.assert(
      fc.property(arbTensor({ shape: [12], distinct: true, margin: 0.1 }), (t) => {
        const v = [...t.data].sort((a, b) => a - b);
        for (let i = 1; i < v.length; i++)
          expect(v[i] - v[i - 1]).toBeGreaterThanOrEqual(0.1 - 1e-12);
      }),
      { numRuns: 50 },
    );
  });

  it('takes elements from a custom arbitrary', () => {
    const t = fc.sample(arbTensor({ shape: [5], elements: fc.constantFrom(1, 2) }), 1)[0];
    expect([...t.data].every((v) => v === 1 || v === 2)).toBe(true);
  });

  it('lets a user write a gradient property in a few lines', () => {
    fc.assert(
      fc.property(arbTensor({ min: 0.1, max: 3 }), (x) => {
        expectGradientsMatch((t) => sum(log(t)), [x]);
      }),
      { numRuns: 20 },
    );
  });

  it('validates its options with messages that say what was wrong', () => {
    expectError(
      () => arbTensor({ min: 2, max: 1 }),
      ArgumentError,
      'arbTensor: min must be less than max, got min=2, max=1',
    );
    expectError(
      () => arbTensor({ min: Number.NaN }),
      ArgumentError,
      'arbTensor: min must be a finite number, got NaN',
    );
    expectError(
      () => arbTensor({ dtype: 'int8' as never }),
      DTypeError,
      `arbTensor: dtype must be 'float32' or 'float64', got "int8"`,
    );
    expectError(
      () => arbTensor({ shape: [2, -1] }),
      ShapeError,
      'arbTensor: shape must be a list of non-negative integers, got [2,-1]',
    );
    expectError(
      () => arbTensor({ shape: [2], maxRank: 3 }),
      ArgumentError,
      'arbTensor: give either shape or maxRank, not both',
    );
    expectError(
      () => arbTensor({ margin: 0 }),
      ArgumentError,
      'arbTensor: margin must be positive, got 0',
    );
    expectError(
      () => arbTensor({ avoid: [0], min: -0.1, max: 0.1, margin: 0.1 }),
      ArgumentError,
      'arbTensor: margin 0.1 leaves no room in [-0.1, 0.1] around the avoided points',
    );
    expectError(
      () => arbTensor({ avoid: ['0' as never] }),
      ArgumentError,
      'arbTensor: avoid must be a list of finite numbers, got ["0"]',
    );
    expectError(
      () => arbTensor({ elements: [1, 2] as never }),
      ArgumentError,
      'arbTensor: elements must be a fast-check Arbitrary<number>',
    );
    expectError(
      () => arbTensor({ distinct: true, avoid: [0] }),
      ArgumentError,
      'arbTensor: distinct cannot be combined with avoid or elements',
    );
    expectError(
      () => arbTensor({ shape: [100], distinct: true, margin: 0.1 }),
      ArgumentError,
      'arbTensor: 100 distinct values 0.1 apart do not fit in [-2, 2]; widen the range or lower margin',
    );
  });
});
