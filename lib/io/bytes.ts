import type { DType, TypedArray } from '../core/index.js';

/** True on little-endian hosts (every mainstream CPU); safetensors and ONNX store little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Bytes per element of each dtype. */
export const BYTES_PER_ELEMENT: Record<DType, number> = { float32: 4, float64: 8 };

/**
 * The little-endian bytes of `data`, copied into `out` at `offset`.
 * NOTE: bytes are copied, never values through JS numbers, so NaN payloads survive bit for bit.
 */
export function writeLittleEndian(data: TypedArray, out: Uint8Array, offset: number): void {
  const src = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  out.set(src, offset);
  if (!LITTLE_ENDIAN) swapBytes(out.subarray(offset, offset + src.length), data.BYTES_PER_ELEMENT);
}

/** A fresh typed array of `dtype` holding the little-endian elements in `bytes` (copied). */
export function readLittleEndian(bytes: Uint8Array, dtype: DType): TypedArray {
  // NOTE: a copy into a fresh buffer, not `bytes.slice()`: Node's Buffer.slice is a view of its pool.
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  if (!LITTLE_ENDIAN) swapBytes(copy, BYTES_PER_ELEMENT[dtype]);
  return dtype === 'float64'
    ? new Float64Array(copy.buffer, 0, copy.length / 8)
    : new Float32Array(copy.buffer, 0, copy.length / 4);
}

function swapBytes(bytes: Uint8Array, width: number): void {
  for (let i = 0; i < bytes.length; i += width) bytes.subarray(i, i + width).reverse();
}
