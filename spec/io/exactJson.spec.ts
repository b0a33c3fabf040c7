import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError, parseExact, stringifyExact } from '../../lib/index.js';

describe('stringifyExact / parseExact', () => {
  it('round-trips every double exactly, NaN, ±Infinity and −0 included', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (values) => {
        const back = parseExact(stringifyExact({ values }), 'test') as { values: number[] };
        expect(back.values.length).toBe(values.length);
        expect(back.values.every((v, i) => Object.is(v, values[i]))).toBe(true);
      }),
    );
  });

  it('writes plain JSON for finite numbers and tagged objects for the rest', () => {
    expect(stringifyExact({ a: 0.1, b: [Number.NaN, -Infinity, -0] })).toBe(
      '{"a":0.1,"b":[{"$number":"NaN"},{"$number":"-Infinity"},{"$number":"-0"}]}',
    );
  });

  it('leaves other objects alone and reports invalid JSON with a FormatError', () => {
    expect(parseExact('{"$number":"7","x":1}', 't')).toEqual({ $number: '7', x: 1 });
    expect(() => parseExact('{', 'manifest')).toThrow(FormatError);
    expect(() => parseExact('{', 'manifest')).toThrow(/^manifest: invalid JSON/);
  });
});
