import { Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt } from '../core/index.js';
import { BYTES_PER_ELEMENT, writeLittleEndian } from './bytes.js';
import { setOwn } from './records.js';

/** safetensors' dtype codes for rxgrad's dtypes. */
export const SAFETENSORS_DTYPE = { float32: 'F32', float64: 'F64' } as const;

/**
 * Encodes named tensors in the safetensors format (Hugging Face's; read by
 * `safetensors.torch.load_file`, `safe_open`, and every HF tool):
 * 8-byte little-endian header length N, N bytes of JSON header
 * `{ "__metadata__": {string: string}, name: { dtype, shape, data_offsets: [begin, end] } }`
 * padded with spaces to a multiple of 8, then the raw little-endian data, densely packed.
 * Like the reference implementation, float64 tensors come first, then float32, each by name,
 * so every tensor starts at an offset aligned to its element size.
 *
 * @example
 * const bytes = encodeSafetensors({ w: tensor([[1, 2]]) }, { format: 'pt' });
 * decodeSafetensors(bytes).tensors.w.toArray(); // [[1, 2]]
 */
export function encodeSafetensors(
  tensors: Record<string, Tensor>,
  metadata: Record<string, string> = {},
): Uint8Array {
  const where = 'encodeSafetensors';
  if (tensors === null || typeof tensors !== 'object') {
    throw new ArgumentError(
      `${where}: tensors must be an object of tensors by name, got ${excerpt(tensors)}`,
    );
  }
  checkMetadata(metadata, where);
  const entries = Object.entries(tensors);
  for (const [name, t] of entries) {
    if (name === '' || name === '__metadata__') {
      throw new ArgumentError(`${where}: tensor name ${excerpt(name)} is reserved`);
    }
    if (!(t instanceof Tensor)) {
      throw new ArgumentError(`${where}: '${name}' must be a Tensor, got ${typeof t}`);
    }
  }
  entries.sort(([na, a], [nb, b]) =>
    a.dtype !== b.dtype
      ? BYTES_PER_ELEMENT[b.dtype] - BYTES_PER_ELEMENT[a.dtype]
      : na < nb
        ? -1
        : 1,
  );
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const [name, t] of entries) {
    const end = offset + t.data.byteLength;
    setOwn(header, name, {
      dtype: SAFETENSORS_DTYPE[t.dtype],
      shape: [...t.shape],
      data_offsets: [offset, end],
    });
    offset = end;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let at = 8 + headerLength;
  for (const [, t] of entries) {
    writeLittleEndian(t.data, out, at);
    at += t.data.byteLength;
  }
  return out;
}

function checkMetadata(metadata: unknown, where: string): void {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new ArgumentError(
      `${where}: metadata must be an object of strings, got ${excerpt(metadata)}`,
    );
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') {
      throw new ArgumentError(
        `${where}: metadata values must be strings (safetensors' __metadata__), got ${typeof value} for '${key}'`,
      );
    }
  }
}
