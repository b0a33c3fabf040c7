/**
 * A small synchronous decoder of raw DEFLATE data (RFC 1951), for the embedded WebAssembly
 * kernels: they ship deflated, which makes a page's download about 9 kB (gzipped) smaller than
 * base64 of the plain binaries, and browsers offer no synchronous inflate (DecompressionStream is
 * asynchronous, and a worker compiles the kernels synchronously). It favours size over speed:
 * codes are decoded bit by bit, canonically, which inflates the ~33 kB kernels in about a
 * millisecond.
 */

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
/** The order in which a dynamic block lists the code lengths of its code-length alphabet. */
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(MAX_BITS + 1);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i] as number]++;
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++)
    offsets[len + 1] = (offsets[len] as number) + (counts[len] as number);
  const symbols = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] as number;
    if (len !== 0) symbols[offsets[len]++ as number] = s;
  }
  return { counts, symbols };
}

function corrupt(what: string): Error {
  return new Error(`inflateRaw: corrupt DEFLATE data (${what})`);
}

/**
 * Decodes raw DEFLATE `data` (no zlib or gzip header) into exactly `size` bytes; throws if the
 * data is corrupt, ends early, or decodes to another size.
 */
export function inflateRaw(data: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let at = 0; // bytes written
  let byte = 0; // next input byte
  let bitBuf = 0;
  let bitCount = 0;

  const bits = (n: number): number => {
    while (bitCount < n) {
      if (byte >= data.length) throw corrupt('input ends inside a block');
      bitBuf |= (data[byte++] as number) << bitCount;
      bitCount += 8;
    }
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCount -= n;
    return v;
  };

  const decode = (h: Huffman): number => {
    // NOTE: Huffman codes are packed from their most significant bit, one bit at a time.
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      code |= bits(1);
      const count = h.counts[len] as number;
      if (code - first < count) return h.symbols[index + code - first] as number;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw corrupt('no such code');
  };

  const put = (b: number): void => {
    if (at >= size) throw corrupt(`decodes to more than the ${size} bytes expected`);
    out[at++] = b;
  };

  let fixed: [Huffman, Huffman] | undefined;
  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitBuf = 0;
      bitCount = 0;
      if (byte + 4 > data.length) throw corrupt('stored block header cut');
      const len = (data[byte] as number) | ((data[byte + 1] as number) << 8);
      const nlen = (data[byte + 2] as number) | ((data[byte + 3] as number) << 8);
      byte += 4;
      if (len !== (~nlen & 0xffff)) throw corrupt('stored block length check');
      if (byte + len > data.length) throw corrupt('stored block cut');
      for (let i = 0; i < len; i++) put(data[byte++] as number);
      continue;
    }
    let lit: Huffman;
    let dist: Huffman;
    if (type === 1) {
      if (!fixed) {
        const l = new Uint8Array(288);
        l.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
        fixed = [huffman(l), huffman(new Uint8Array(30).fill(5))];
      }
      [lit, dist] = fixed;
    } else if (type === 2) {
      const nlit = bits(5) + 257;
      const ndist = bits(5) + 1;
      const nclen = bits(4) + 4;
      const clen = new Uint8Array(19);
      for (let i = 0; i < nclen; i++) clen[CLEN_ORDER[i] as number] = bits(3);
      const clenCode = huffman(clen);
      const lengths = new Uint8Array(nlit + ndist);
      for (let i = 0; i < nlit + ndist; ) {
        const sym = decode(clenCode);
        if (sym < 16) {
          lengths[i++] = sym;
          continue;
        }
        let value = 0;
        let repeat: number;
        if (sym === 16) {
          if (i === 0) throw corrupt('repeat with no previous length');
          value = lengths[i - 1] as number;
          repeat = 3 + bits(2);
        } else repeat = sym === 17 ? 3 + bits(3) : 11 + bits(7);
        if (i + repeat > nlit + ndist) throw corrupt('code lengths overrun');
        lengths.fill(value, i, i + repeat);
        i += repeat;
      }
      lit = huffman(lengths.subarray(0, nlit));
      dist = huffman(lengths.subarray(nlit));
    } else throw corrupt('block type 3');

    for (;;) {
      const sym = decode(lit);
      if (sym < 256) put(sym);
      else if (sym === 256) break;
      else {
        const li = sym - 257;
        if (li >= 29) throw corrupt('length symbol');
        const len = (LENGTH_BASE[li] as number) + bits(LENGTH_EXTRA[li] as number);
        const di = decode(dist);
        if (di >= 30) throw corrupt('distance symbol');
        const d = (DIST_BASE[di] as number) + bits(DIST_EXTRA[di] as number);
        if (d > at) throw corrupt('distance before the start');
        for (let i = 0; i < len; i++) put(out[at - d] as number);
      }
    }
  }
  if (at !== size) throw corrupt(`decodes to ${at} bytes, not the ${size} expected`);
  return out;
}
