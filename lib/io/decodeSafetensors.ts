import { Tensor } from '../autograd/index.js';
import { type DType, excerpt, FormatError, formatShape, sizeOf } from '../core/index.js';
import { BYTES_PER_ELEMENT, readLittleEndian } from './bytes.js';
import { checkJson } from './checkJson.js';
import { quoteName, setOwn } from './records.js';

/** What a safetensors file holds: tensors by name and the `__metadata__` strings. */
export interface SafetensorsContents {
  /** The tensors, by name. */
  readonly tensors: Record<string, Tensor>;
  /** The `__metadata__` strings, by key (`{}` when the file has none). */
  readonly metadata: Record<string, string>;
}

/** The most dimensions a tensor read from a file may have (PyTorch's limit too). */
const MAX_RANK = 64;

/** The reference implementation's limit on the JSON header (100 MB). */
const MAX_HEADER = 100_000_000;

const DTYPES: Record<string, DType> = { F32: 'float32', F64: 'float64' };
/** Valid safetensors dtypes that rxgrad does not hold. */
const OTHER_DTYPES = new Set(
  'BOOL U8 I8 F8_E5M2 F8_E4M3 F8_E8M0 F4 F6_E2M3 F6_E3M2 I16 U16 F16 BF16 I32 U32 I64 U64 C64'.split(
    ' ',
  ),
);

interface Entry {
  name: string;
  dtype: DType;
  shape: number[];
  begin: number;
  end: number;
}

/**
 * Decodes the safetensors format (see `encodeSafetensors`), validating all of it first: the
 * header length, the UTF-8 JSON header, every entry's dtype, shape and `data_offsets` (in
 * range, sized for the shape, neither overlapping nor leaving holes, as the format requires).
 * Any defect is a `FormatError` that names it, and no tensor is built before all is checked.
 * The data are copied, so `bytes` may be reused; float32/float64 values come back bit for bit.
 *
 * @example
 * const { tensors, metadata } = decodeSafetensors(await readFile('model.safetensors'));
 */
export function decodeSafetensors(bytes: Uint8Array | ArrayBuffer): SafetensorsContents {
  const where = 'decodeSafetensors';
  const buf = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  if (!(buf instanceof Uint8Array)) {
    throw new FormatError(`${where}: expected a Uint8Array or ArrayBuffer, got ${typeof bytes}`);
  }
  if (buf.length < 8) {
    throw new FormatError(
      `${where}: truncated: ${buf.length} bytes, shorter than the 8-byte header length`,
    );
  }
  const n = new DataView(buf.buffer, buf.byteOffset, 8).getBigUint64(0, true);
  if (n > BigInt(buf.length - 8) || n > BigInt(MAX_HEADER)) {
    throw new FormatError(
      `${where}: bad header length ${n}: the file has only ${buf.length - 8} bytes after the length${n > BigInt(MAX_HEADER) ? ` (and the limit is ${MAX_HEADER})` : ''}; truncated or not a safetensors file`,
    );
  }
  const headerLength = Number(n);
  const header = parseHeader(buf.subarray(8, 8 + headerLength), where);
  const data = buf.subarray(8 + headerLength);
  const metadata = parseMetadata(header.__metadata__, where);
  const entries = Object.entries(header)
    .filter(([name]) => name !== '__metadata__')
    .map(([name, raw]) => parseEntry(name, raw, data.length, where));
  checkCoverage(entries, data.length, where);
  const tensors: Record<string, Tensor> = {};
  for (const e of entries) {
    setOwn(
      tensors,
      e.name,
      new Tensor(readLittleEndian(data.subarray(e.begin, e.end), e.dtype), e.shape),
    );
  }
  return { tensors, metadata };
}

function parseHeader(bytes: Uint8Array, where: string): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError(`${where}: the header is not valid UTF-8 (expected JSON text)`);
  }
  if (!text.startsWith('{')) {
    throw new FormatError(
      `${where}: the header must be a JSON object starting with '{', got ${excerpt(text.slice(0, 20))}`,
    );
  }
  checkJson(text, `${where}: header`);
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    throw new FormatError(`${where}: the header is not valid JSON (${(e as Error).message})`);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) {
    throw new FormatError(`${where}: the header must be a JSON object, got ${excerpt(header)}`);
  }
  return header as Record<string, unknown>;
}

function parseMetadata(raw: unknown, where: string): Record<string, string> {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new FormatError(
      `${where}: __metadata__ must be an object of strings, got ${excerpt(raw)}`,
    );
  }
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string') {
      throw new FormatError(
        `${where}: __metadata__ values must be strings, got ${typeof value} for ${quoteName(key)}`,
      );
    }
  }
  return { ...(raw as Record<string, string>) };
}

function parseEntry(name: string, raw: unknown, dataLength: number, where: string): Entry {
  const at = `${where}: tensor ${quoteName(name)}`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new FormatError(`${at}: expected { dtype, shape, data_offsets }, got ${excerpt(raw)}`);
  }
  const { dtype: code, shape, data_offsets: offsets } = raw as Record<string, unknown>;
  if (typeof code !== 'string' || !Object.hasOwn(DTYPES, code)) {
    throw new FormatError(
      OTHER_DTYPES.has(code as string)
        ? `${at}: dtype ${code} is not supported (rxgrad reads F32 and F64)`
        : `${at}: unknown dtype ${excerpt(code)} (expected F32 or F64)`,
    );
  }
  const dtype = DTYPES[code];
  if (
    !Array.isArray(shape) ||
    shape.length > MAX_RANK ||
    !shape.every((d) => Number.isSafeInteger(d) && d >= 0)
  ) {
    throw new FormatError(
      `${at}: shape must be a list of non-negative integers (at most ${MAX_RANK} of them), got ${excerpt(shape)}`,
    );
  }
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) ||
    offsets[0] > offsets[1]
  ) {
    throw new FormatError(
      `${at}: data_offsets must be [begin, end] with 0 ≤ begin ≤ end, got ${excerpt(offsets)}`,
    );
  }
  const [begin, end] = offsets as [number, number];
  if (end > dataLength) {
    throw new FormatError(
      `${at}: data_offsets [${begin}, ${end}] out of range: the data section has ${dataLength} bytes (truncated file?)`,
    );
  }
  const expected = sizeOf(shape) * BYTES_PER_ELEMENT[dtype];
  if (end - begin !== expected) {
    throw new FormatError(
      `${at}: data_offsets [${begin}, ${end}] span ${end - begin} bytes but ${code} shape ${formatShape(shape)} needs ${expected}`,
    );
  }
  return { name, dtype, shape, begin, end };
}

/** The format requires the data section to be indexed entirely, without overlaps or holes. */
function checkCoverage(entries: Entry[], dataLength: number, where: string): void {
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  let previous: Entry | null = null;
  for (const e of sorted) {
    if (e.begin < at) {
      throw new FormatError(
        `${where}: tensors ${quoteName(previous?.name)} and ${quoteName(e.name)} overlap (data_offsets [${previous?.begin}, ${previous?.end}] and [${e.begin}, ${e.end}])`,
      );
    }
    if (e.begin > at) {
      throw new FormatError(
        `${where}: bytes [${at}, ${e.begin}) of the data section belong to no tensor (the format allows no holes)`,
      );
    }
    at = e.end;
    previous = e;
  }
  if (at !== dataLength) {
    throw new FormatError(
      `${where}: ${dataLength - at} trailing bytes after the last tensor (the data section has ${dataLength} bytes, the tensors end at ${at})`,
    );
  }
}
