import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsBackend } from '../../lib/backend/jsBackend.js';
import { middleBlock } from '../../lib/backend/middleAxes.js';

// The per-channel fast paths of the JS kernels (an operand that broadcasts along every axis but
// a contiguous middle block) against index arithmetic done by hand.

const shapes = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 2, max: 5 }),
  )
  .map(([n, c, r]) => ({ out: [n, c, r], small: [c, 1] }));

describe('per-channel (middle-block) fast paths of the JS kernels', () => {
  it('recognises [C, 1] against [N, C, R], and nothing else', () => {
    expect(middleBlock([3, 1], [2, 3, 5])).toEqual([2, 3, 5]);
    expect(middleBlock([1, 3, 1, 1], [2, 3, 4, 4])).toEqual([2, 3, 16]);
    expect(middleBlock([3], [2, 3])).toBeNull(); // a row: inner is 1, the row path's case
    expect(middleBlock([2, 1, 5], [2, 3, 5])).toBeNull(); // two blocks
  });

  it('binary: a [C,1] operand on either side of a full one or a scalar', () => {
    fc.assert(
      fc.property(
        shapes,
        fc.constantFrom('sub', 'mul', 'div'),
        fc.boolean(),
        ({ out, small }, op, swap) => {
          const [n, c, r] = out;
          const size = n * c * r;
          const big = Float64Array.from({ length: size }, (_, i) => Math.sin(i) + 2);
          const ch = Float64Array.from({ length: c }, (_, i) => i + 1.5);
          const got = new Float64Array(size);
          const [a, aShape, b, bShape] = swap ? [ch, small, big, out] : [big, out, ch, small];
          jsBackend.binary(op, a, aShape, b, bShape, got, out);
          const f = {
            sub: (x: number, y: number) => x - y,
            mul: (x: number, y: number) => x * y,
            div: (x: number, y: number) => x / y,
          }[op];
          for (let i = 0; i < size; i++) {
            const m = Math.floor(i / r) % c;
            expect(got[i]).toBe(swap ? f(ch[m], big[i]) : f(big[i], ch[m]));
          }
          // a broadcast copy: [C,1] + scalar 0
          const copy = new Float64Array(size);
          jsBackend.binary('add', ch, small, Float64Array.of(0), [], copy, out);
          for (let i = 0; i < size; i++) expect(copy[i]).toBe(ch[Math.floor(i / r) % c]);
        },
      ),
    );
  });

  it('reduce: sum, max and min over every axis but the channels', () => {
    fc.assert(
      fc.property(shapes, fc.constantFrom('sum', 'max', 'min'), ({ out: shape }, op) => {
        const [n, c, r] = shape;
        const x = Float64Array.from({ length: n * c * r }, (_, i) => Math.cos(3 * i));
        const got = new Float64Array(c);
        jsBackend.reduce(op, x, shape, [0, 2], got);
        for (let m = 0; m < c; m++) {
          const vals: number[] = [];
          for (let s = 0; s < n; s++) for (let j = 0; j < r; j++) vals.push(x[(s * c + m) * r + j]);
          const want =
            op === 'sum'
              ? vals.reduce((p, v) => p + v, 0)
              : op === 'max'
                ? Math.max(...vals)
                : Math.min(...vals);
          expect(got[m]).toBeCloseTo(want, 12);
        }
      }),
    );
  });
});
