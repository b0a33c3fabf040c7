import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, add, div, sum } from '../../lib/index.js';
import { arbBroadcastableTensors, expectGradientsMatch } from '../../lib/testing/index.js';
import { expectError } from '../core/helpers.js';

describe('arbBroadcastableTensors', () => {
  it('generates operands whose shapes broadcast, with per-operand value options', () => {
    fc.assert(
      fc.property(
        arbBroadcastableTensors({ operands: [{ min: 5, max: 6 }, { dtype: 'float32' }] }),
        ([a, b]) => {
          expect(() => add(a, b)).not.toThrow();
          expect([...a.data].every((v) => v >= 5 && v <= 6)).toBe(true);
          expect(b.dtype).toBe('float32');
          expect(a.dtype).toBe('float64');
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a gradient property of a binary op in a few lines', () => {
    fc.assert(
      fc.property(
        arbBroadcastableTensors({ operands: [{}, { avoid: [0], margin: 0.3 }] }),
        ([a, b]) => {
          expectGradientsMatch((x, y) => sum(div(x, y)), [a, b]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('validates operands and names the operand in value errors', () => {
    expectError(
      () => arbBroadcastableTensors({ count: 1, operands: [{}, {}] }),
      ArgumentError,
      'arbBroadcastableTensors: operands must be a list of at most count (1) option objects, got [{},{}]',
    );
    expectError(
      () => arbBroadcastableTensors({ operands: [{}, { min: 1, max: 0 }] }),
      ArgumentError,
      'arbBroadcastableTensors (operand 1): min must be less than max, got min=1, max=0',
    );
  });
});
