import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeIdx, FormatError, readIdx } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

/** An IDX file: magic 0 0 type rank, big-endian dims, then `body`. */
function idx(type: number, shape: number[], body: number[]): Uint8Array {
  const head = [0, 0, type, shape.length];
  for (const d of shape) head.push((d >>> 24) & 255, (d >>> 16) & 255, (d >>> 8) & 255, d & 255);
  return Uint8Array.from([...head, ...body]);
}

describe('decodeIdx / readIdx', () => {
  it('decodes uint8 images with their shape', () => {
    const a = decodeIdx(idx(0x08, [2, 2, 3], [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]));
    expect(a.type).toBe('uint8');
    expect(a.shape).toEqual([2, 2, 3]);
    expect(Array.from(a.data)).toEqual([0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
  });

  it('reads every element type big-endian', () => {
    expect(Array.from(decodeIdx(idx(0x09, [2], [0xff, 0x7f])).data)).toEqual([-1, 127]);
    expect(Array.from(decodeIdx(idx(0x0b, [2], [0x01, 0x02, 0xff, 0xfe])).data)).toEqual([258, -2]);
    expect(Array.from(decodeIdx(idx(0x0c, [1], [0x00, 0x01, 0x00, 0x00])).data)).toEqual([65536]);
    expect(Array.from(decodeIdx(idx(0x0d, [1], [0x3f, 0xc0, 0, 0])).data)).toEqual([1.5]);
    expect(Array.from(decodeIdx(idx(0x0e, [1], [0xc0, 0x04, 0, 0, 0, 0, 0, 0])).data)).toEqual([
      -2.5,
    ]);
  });

  it('reads gzipped files (DecompressionStream) and plain ones alike', async () => {
    const plain = idx(0x08, [3], [7, 8, 9]);
    expect(Array.from((await readIdx(gzipSync(plain))).data)).toEqual([7, 8, 9]);
    expect(Array.from((await readIdx(plain.buffer as ArrayBuffer)).data)).toEqual([7, 8, 9]);
  });

  it('names what is wrong with a malformed header or body (FormatError)', async () => {
    expectError(
      () => decodeIdx(Uint8Array.of(0, 0, 8)),
      FormatError,
      'decodeIdx: 3 bytes is too short for an IDX file (a 4-byte magic number first)',
    );
    expectError(
      () => decodeIdx(Uint8Array.of(1, 0, 8, 1, 0, 0, 0, 0)),
      FormatError,
      'decodeIdx: the magic number must start with two zero bytes, got 0x01 0x00',
    );
    expectError(
      () => decodeIdx(gzipSync(idx(0x08, [1], [1]))),
      FormatError,
      'decodeIdx: the magic number must start with two zero bytes, got 0x1f 0x8b (gzip data: use readIdx)',
    );
    expectError(
      () => decodeIdx(Uint8Array.of(0, 0, 7, 1, 0, 0, 0, 0)),
      FormatError,
      'decodeIdx: unknown element type 0x07 in the magic number (expected 0x08 uint8, 0x09 int8, 0x0b int16, 0x0c int32, 0x0d float32 or 0x0e float64)',
    );
    expectError(
      () => decodeIdx(Uint8Array.of(0, 0, 8, 3, 0, 0, 0, 1)),
      FormatError,
      'decodeIdx: the magic number declares 3 dimensions, which need a 16-byte header, but there are only 8 bytes',
    );
    expectError(
      () => decodeIdx(idx(0x08, [2, 28, 28], [1, 2, 3])),
      FormatError,
      'decodeIdx: the header declares uint8 [2,28,28], 1568 bytes of data, but 3 bytes follow the 16-byte header',
    );
    const gz = gzipSync(idx(0x08, [100], new Array(100).fill(1)));
    const corrupt = gz.slice(0, gz.length - 9);
    await expect(readIdx(corrupt)).rejects.toThrow(FormatError);
    await expect(readIdx(corrupt)).rejects.toThrow(/readIdx: the gzip data is corrupt/);
  });
});
