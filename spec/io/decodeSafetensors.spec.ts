import { describe, expect, it } from 'vitest';
import {
  decodeSafetensors,
  encodeSafetensors,
  FormatError,
  Tensor,
  tensor,
} from '../../lib/index.js';

/** A safetensors file from a header text and data bytes, built by hand after the spec. */
function file(header: string, data: number[] | Uint8Array = [], headerLength?: number): Uint8Array {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength ?? json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}
const f32 = (...v: number[]) => [...new Uint8Array(new Float32Array(v).buffer)];
const err = (bytes: Uint8Array) => {
  try {
    decodeSafetensors(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return (e as Error).message;
  }
  throw new Error('expected a FormatError');
};

describe('decodeSafetensors', () => {
  it('reads a file built by hand after the spec, with metadata and both dtypes', () => {
    const header =
      '{"__metadata__":{"format":"pt"},"b":{"dtype":"F64","shape":[],"data_offsets":[0,8]},' +
      '"a":{"dtype":"F32","shape":[2,1],"data_offsets":[8,16]}}';
    const data = [...new Uint8Array(new Float64Array([-2.5]).buffer), ...f32(1, 0.5)];
    const { tensors, metadata } = decodeSafetensors(file(header, data));
    expect(metadata).toEqual({ format: 'pt' });
    expect(tensors.a.dtype).toBe('float32');
    expect(tensors.a.toArray()).toEqual([[1], [0.5]]);
    expect(tensors.b.shape).toEqual([]);
    expect(tensors.b.item()).toBe(-2.5);
  });

  it('accepts a header padded with JSON whitespace and an empty file (reference tests)', () => {
    expect(decodeSafetensors(file('{}\r \t\n')).tensors).toEqual({});
  });

  it('accepts zero-sized tensors and reads from a Buffer at any byte offset', () => {
    const bytes = file('{"t":{"dtype":"F32","shape":[2,0],"data_offsets":[0,0]}}');
    expect(decodeSafetensors(bytes).tensors.t.shape).toEqual([2, 0]);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(decodeSafetensors(padded.subarray(3)).tensors.t.shape).toEqual([2, 0]);
  });

  it("reads a Node Buffer that is a view into Buffer's shared pool", () => {
    const bytes = encodeSafetensors({
      w: tensor([1.5, -2]),
      v: new Tensor(new Float32Array([3]), [1]),
    });
    const pooled = Buffer.concat([Buffer.from('xyz'), Buffer.from(bytes)]).subarray(3);
    expect(pooled.byteOffset).toBeGreaterThan(0);
    const { tensors } = decodeSafetensors(pooled);
    expect(tensors.w.toArray()).toEqual([1.5, -2]);
    expect(tensors.v.toArray()).toEqual([3]);
  });

  it('copies the data: later changes to the bytes do not reach the tensors', () => {
    const bytes = encodeSafetensors({ w: tensor([1, 2]) });
    const { w } = decodeSafetensors(bytes).tensors;
    bytes.fill(0, bytes.length - 16);
    expect(w.toArray()).toEqual([1, 2]);
  });

  it('says what is wrong with a bad header', () => {
    expect(err(new Uint8Array(3))).toMatch(
      /truncated: 3 bytes, shorter than the 8-byte header length/,
    );
    expect(err(file('{"t":1}', [], 1000))).toMatch(
      /bad header length 1000: the file has only 7 bytes/,
    );
    expect(err(file('{}', [], 2 ** 40))).toMatch(/bad header length .*limit is 100000000/);
    expect(err(file('\xff'))).toMatch(/header/);
    const nonUtf8 = new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 0xff]);
    expect(err(nonUtf8)).toMatch(/not valid UTF-8/);
    expect(err(file('{'))).toMatch(/not valid JSON/);
    expect(err(file('[1,2]'))).toMatch(/must be a JSON object starting with '\{'/);
    expect(err(file('{"__metadata__":{"a":1}}'))).toMatch(
      /__metadata__ values must be strings, got number for 'a'/,
    );
  });

  it('names the tensor with an unknown or unsupported dtype, or a bad shape', () => {
    expect(err(file('{"w":{"dtype":"F99","shape":[1],"data_offsets":[0,4]}}', f32(1)))).toMatch(
      /tensor 'w': unknown dtype "F99"/,
    );
    expect(err(file('{"w":{"dtype":"I32","shape":[1],"data_offsets":[0,4]}}', f32(1)))).toMatch(
      /tensor 'w': dtype I32 is not supported/,
    );
    // reference test_validation_overflow: a dimension beyond 2^53 is refused, not wrapped
    expect(
      err(
        file(
          '{"w":{"dtype":"F32","shape":[2,18446744073709551614],"data_offsets":[0,16]}}',
          f32(0, 0, 0, 0),
        ),
      ),
    ).toMatch(/tensor 'w': shape must be a list of non-negative integers/);
  });

  it('rejects offsets out of range, of the wrong size, overlapping, with holes or trailing bytes', () => {
    const entry = (name: string, b: number, e: number, shape = '[1]') =>
      `"${name}":{"dtype":"F32","shape":${shape},"data_offsets":[${b},${e}]}`;
    // reference test_metadata_incomplete_buffer: 2 bytes missing, then extra bytes appended
    expect(err(file(`{${entry('t', 0, 16, '[2,2]')}}`, new Uint8Array(14)))).toMatch(
      /tensor 't': data_offsets \[0, 16\] out of range: the data section has 14 bytes/,
    );
    expect(err(file(`{${entry('t', 0, 16, '[2,2]')}}`, new Uint8Array(20)))).toMatch(
      /4 trailing bytes/,
    );
    // reference test_invalid_info: [2,2] F32 needs 16 bytes, not 4
    expect(err(file(`{${entry('t', 0, 4, '[2,2]')}}`, f32(1)))).toMatch(
      /tensor 't': data_offsets \[0, 4\] span 4 bytes but F32 shape \[2,2\] needs 16/,
    );
    expect(err(file(`{${entry('a', 0, 4)},${entry('b', 0, 4)}}`, f32(1)))).toMatch(
      /'a' and 'b' overlap/,
    );
    expect(err(file(`{${entry('a', 4, 8)}}`, f32(1, 2)))).toMatch(
      /bytes \[0, 4\) .* belong to no tensor/,
    );
    expect(err(file(`{${entry('a', 4, 0)}}`, f32(1)))).toMatch(/0 ≤ begin ≤ end/);
  });

  it('rejects every truncation of a valid file with a FormatError', () => {
    const bytes = encodeSafetensors({
      'layers.0.weight': new Tensor(new Float32Array([1, 2, 3, 4]), [2, 2]),
    });
    for (let cut = 0; cut < bytes.length; cut++) {
      expect(() => decodeSafetensors(bytes.subarray(0, cut))).toThrow(FormatError);
    }
  });
});
