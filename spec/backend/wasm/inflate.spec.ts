import { constants, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inflateRaw } from '../../../lib/backend/wasm/inflate.js';

/** Bytes with runs and repeats (so the encoder uses lengths and distances), or noise. */
const data = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc
    .array(
      fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 30 })),
      { maxLength: 60 },
    )
    .map((parts) =>
      Uint8Array.from(
        parts.flatMap(([p, times]) =>
          Array(times)
            .fill([...p])
            .flat(),
        ),
      ),
    ),
);
const options = fc.record({
  level: fc.integer({ min: 0, max: 9 }),
  strategy: fc.constantFrom(
    constants.Z_DEFAULT_STRATEGY,
    constants.Z_FIXED,
    constants.Z_HUFFMAN_ONLY,
    constants.Z_RLE,
    constants.Z_FILTERED,
  ),
});

describe('inflateRaw', () => {
  it("decodes what node:zlib's deflateRawSync encodes, at every level and strategy", () => {
    fc.assert(
      fc.property(data, options, (bytes, opts) => {
        const deflated = deflateRawSync(bytes, opts);
        expect(inflateRaw(deflated, bytes.length)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes stored, fixed and dynamic blocks of a large input (several blocks, long distances)', () => {
    const big = new Uint8Array(100_000);
    for (let i = 0; i < big.length; i++) big[i] = ((i * 7919) % 251) ^ (i >> 11);
    for (const level of [0, 1, 9])
      expect(inflateRaw(deflateRawSync(big, { level }), big.length)).toEqual(big);
  });

  it('throws on data cut short, on the wrong expected size, and on an invalid block type', () => {
    const text = new TextEncoder().encode('rxgrad '.repeat(500));
    const deflated = deflateRawSync(text, { level: 9 });
    for (let cut = 0; cut < deflated.length; cut += 3)
      expect(() => inflateRaw(deflated.subarray(0, cut), text.length)).toThrow(/inflateRaw/);
    expect(() => inflateRaw(deflated, text.length - 1)).toThrow(/more than the 3499 bytes/);
    expect(() => inflateRaw(deflated, text.length + 1)).toThrow(/not the 3501 expected/);
    expect(() => inflateRaw(Uint8Array.of(0b111), 1)).toThrow(/block type 3/);
  });

  it('never hangs or writes past its output on random bytes: it decodes or throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(500), (bytes, size) => {
        try {
          expect(inflateRaw(bytes, size).length).toBe(size);
        } catch (e) {
          expect(String(e)).toMatch(/inflateRaw: corrupt DEFLATE data/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
