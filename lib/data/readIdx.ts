import { FormatError } from '../core/index.js';

/** Element types of the IDX format (the third byte of the magic number). */
export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** An array read from an IDX file: its element type, shape and values (row-major). */
export interface IdxArray {
  /** The element type the header declares. */
  readonly type: IdxType;
  /** The dimensions the header declares (images: [count, rows, columns]). */
  readonly shape: readonly number[];
  /** The values, row-major, in a typed array of the element type. */
  readonly data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const TYPES: Record<number, { type: IdxType; bytes: number }> = {
  8: { type: 'uint8', bytes: 1 },
  9: { type: 'int8', bytes: 1 },
  11: { type: 'int16', bytes: 2 },
  12: { type: 'int32', bytes: 4 },
  13: { type: 'float32', bytes: 4 },
  14: { type: 'float64', bytes: 8 },
};

const hex = (b: number) => `0x${b.toString(16).padStart(2, '0')}`;

/**
 * Decodes the bytes of an (uncompressed) IDX file, the format of MNIST and Fashion-MNIST: a
 * magic number 0x00 0x00 <type> <dims>, one big-endian uint32 per dimension, then the values,
 * big-endian, row-major. A malformed header, or data that does not match it, is a
 * `FormatError` saying what was expected and what was found.
 *
 * @example decodeIdx(bytes)  // { type: 'uint8', shape: [10000, 28, 28], data: Uint8Array(7840000) }
 */
export function decodeIdx(bytes: Uint8Array): IdxArray {
  const where = 'decodeIdx';
  if (!(bytes instanceof Uint8Array)) {
    throw new FormatError(`${where}: expected a Uint8Array, got ${typeof bytes}`);
  }
  if (bytes.length < 4) {
    throw new FormatError(
      `${where}: ${bytes.length} bytes is too short for an IDX file (a 4-byte magic number first)`,
    );
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const gz = bytes[0] === 0x1f && bytes[1] === 0x8b ? ' (gzip data: use readIdx)' : '';
    throw new FormatError(
      `${where}: the magic number must start with two zero bytes, got ${hex(bytes[0])} ${hex(bytes[1])}${gz}`,
    );
  }
  const kind = TYPES[bytes[2]];
  if (!kind) {
    throw new FormatError(
      `${where}: unknown element type ${hex(bytes[2])} in the magic number (expected 0x08 uint8, 0x09 int8, 0x0b int16, 0x0c int32, 0x0d float32 or 0x0e float64)`,
    );
  }
  const rank = bytes[3];
  if (rank === 0) throw new FormatError(`${where}: the magic number declares 0 dimensions`);
  const header = 4 + 4 * rank;
  if (bytes.length < header) {
    throw new FormatError(
      `${where}: the magic number declares ${rank} dimensions, which need a ${header}-byte header, but there are only ${bytes.length} bytes`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = shape.reduce((a, b) => a * b, 1);
  const expected = count * kind.bytes;
  if (bytes.length - header !== expected) {
    throw new FormatError(
      `${where}: the header declares ${kind.type} [${shape.join(',')}], ${expected} bytes of data, but ${bytes.length - header} bytes follow the ${header}-byte header`,
    );
  }
  return { type: kind.type, shape, data: values(view, header, count, kind.type) };
}

function values(view: DataView, at: number, n: number, type: IdxType): IdxArray['data'] {
  switch (type) {
    case 'uint8':
      return new Uint8Array(view.buffer.slice(view.byteOffset + at, view.byteOffset + at + n));
    case 'int8':
      return new Int8Array(view.buffer.slice(view.byteOffset + at, view.byteOffset + at + n));
    case 'int16':
      return Int16Array.from({ length: n }, (_, i) => view.getInt16(at + 2 * i, false));
    case 'int32':
      return Int32Array.from({ length: n }, (_, i) => view.getInt32(at + 4 * i, false));
    case 'float32':
      return Float32Array.from({ length: n }, (_, i) => view.getFloat32(at + 4 * i, false));
    case 'float64':
      return Float64Array.from({ length: n }, (_, i) => view.getFloat64(at + 8 * i, false));
  }
}

/**
 * Reads an IDX file's bytes, gzipped (as MNIST and Fashion-MNIST are distributed, `.gz`) or
 * not: gzip is recognised by its magic bytes and inflated with the platform's
 * `DecompressionStream` (every current browser, Node ≥ 18), so this runs in a page as in Node.
 * Corrupt gzip data or a malformed IDX header is a `FormatError`.
 *
 * @example
 * const images = await readIdx(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 */
export async function readIdx(bytes: Uint8Array | ArrayBuffer): Promise<IdxArray> {
  const b = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  if (!(b instanceof Uint8Array)) {
    throw new FormatError(`readIdx: expected a Uint8Array or an ArrayBuffer, got ${typeof bytes}`);
  }
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return decodeIdx(await gunzip(b));
  return decodeIdx(b);
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new FormatError(`readIdx: the gzip data is corrupt (${(e as Error).message})`, {
      cause: e,
    });
  }
}
