import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  decodeSafetensors,
  encodeSafetensors,
  Tensor,
  tensor,
} from '../../lib/index.js';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const headerOf = (b: Uint8Array) => {
  const n = Number(new DataView(b.buffer, b.byteOffset).getBigUint64(0, true));
  return JSON.parse(text(b.subarray(8, 8 + n)));
};

describe('encodeSafetensors', () => {
  it("matches the reference implementation's serialization test vector byte for byte", () => {
    // huggingface/safetensors, safetensors/src/tensor.rs, test_serialization: F32 0..5, shape [1,1,2,3]
    const expected = [
      72, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 48, 34, 58, 123, 34, 100, 116, 121, 112,
      101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34, 58, 91, 49, 44, 49, 44,
      50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102, 115, 101, 116, 115, 34, 58, 91,
      48, 44, 50, 52, 93, 125, 125, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0,
      64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64,
    ];
    const attn0 = new Tensor(new Float32Array([0, 1, 2, 3, 4, 5]), [1, 1, 2, 3]);
    expect([...encodeSafetensors({ attn0 })]).toEqual(expected);
  });

  it('writes float64 as little-endian IEEE doubles (1.5 = 0x3FF8000000000000)', () => {
    const bytes = encodeSafetensors({ x: tensor([1.5]) });
    expect([...bytes.subarray(bytes.length - 8)]).toEqual([0, 0, 0, 0, 0, 0, 0xf8, 0x3f]);
    expect(headerOf(bytes).x).toEqual({ dtype: 'F64', shape: [1], data_offsets: [0, 8] });
  });

  it('pads the header with spaces to a multiple of 8 and aligns every tensor to its element size', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s !== '__metadata__'),
          fc.tuple(fc.boolean(), fc.nat(5)),
          { maxKeys: 6 },
        ),
        (spec) => {
          const tensors: Record<string, Tensor> = {};
          for (const [k, [f32, n]] of Object.entries(spec)) {
            tensors[k] = new Tensor(f32 ? new Float32Array(n) : new Float64Array(n), [n]);
          }
          const bytes = encodeSafetensors(tensors);
          const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
          expect(n % 8).toBe(0);
          const header = headerOf(bytes);
          for (const [k, t] of Object.entries(tensors)) {
            const [begin, end] = header[k].data_offsets;
            expect((8 + n + begin) % t.data.BYTES_PER_ELEMENT).toBe(0);
            expect(end - begin).toBe(t.data.byteLength);
          }
        },
      ),
    );
  });

  it('puts __metadata__ in the header as strings', () => {
    const bytes = encodeSafetensors({ w: tensor([1]) }, { format: 'pt', note: 'ünïcode' });
    expect(headerOf(bytes).__metadata__).toEqual({ format: 'pt', note: 'ünïcode' });
  });

  it('rejects non-string metadata, reserved names and non-tensors', () => {
    expect(() => encodeSafetensors({ w: tensor([1]) }, { n: 1 as unknown as string })).toThrow(
      /metadata values must be strings.*'n'/,
    );
    expect(() => encodeSafetensors({ __metadata__: tensor([1]) })).toThrow(ArgumentError);
    expect(() => encodeSafetensors({ w: [1] as unknown as Tensor })).toThrow(
      /'w' must be a Tensor/,
    );
  });

  it('round-trips float32 and float64 bit for bit, NaN payloads, ±Infinity and −0 included', () => {
    const bits32 = fc.uint32Array({ maxLength: 20 });
    const bits64 = fc.bigUint64Array({ maxLength: 20 });
    fc.assert(
      fc.property(bits32, bits64, (u32, u64) => {
        const a = new Float32Array(u32.buffer);
        const b = new Float64Array(u64.buffer);
        const out = decodeSafetensors(
          encodeSafetensors({ a: new Tensor(a, [a.length]), b: new Tensor(b, [b.length]) }),
        ).tensors;
        expect([...new Uint32Array(out.a.data.buffer)]).toEqual([...u32]);
        expect([...new BigUint64Array(out.b.data.buffer)]).toEqual([...u64]);
      }),
    );
    const special = new Float64Array([Number.NaN, Infinity, -Infinity, -0, 5e-324]);
    const back = decodeSafetensors(encodeSafetensors({ s: new Tensor(special, [5]) })).tensors.s;
    expect(Object.is(back.data[3], -0)).toBe(true);
    expect([...back.data]).toEqual([...special]);
  });
});
