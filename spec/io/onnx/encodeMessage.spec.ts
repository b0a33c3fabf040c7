import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { encodeMessage, type MessageSchema } from '../../../lib/io/onnx/encodeMessage.js';

// The oracle: the same message described in .proto text and decoded by protobufjs's full runtime.
const PROTO = `
syntax = "proto3";
message Inner { int64 v = 1; }
message Outer {
  enum Kind { NONE = 0; ONE = 1; TWO = 2; }
  string name = 1;
  repeated int64 dims = 2;
  double d = 3;
  float f = 4;
  bytes raw = 5;
  repeated Inner inner = 6;
  repeated string tags = 7;
  Kind kind = 8;
  oneof value { int64 size = 9; string param = 10; }
}`;
const root = protobuf.parse(PROTO, { keepCase: true }).root;
const Outer = root.lookupType('Outer');

const Inner: MessageSchema = { v: { id: 1, type: 'int64' } };
// Declared out of order on purpose: the writer puts fields in field-number order.
const OuterSchema: MessageSchema = {
  kind: { id: 8, type: { enum: { NONE: 0, ONE: 1, TWO: 2 } } },
  name: { id: 1, type: 'string' },
  dims: { id: 2, type: 'int64', repeated: true },
  d: { id: 3, type: 'double' },
  f: { id: 4, type: 'float' },
  raw: { id: 5, type: 'bytes' },
  inner: { id: 6, type: () => Inner, repeated: true },
  tags: { id: 7, type: 'string', repeated: true },
  size: { id: 9, type: 'int64', oneof: true },
  param: { id: 10, type: 'string', oneof: true },
};

describe('encodeMessage', () => {
  it('writes what protobufjs reads back, byte for byte as protobufjs writes it', () => {
    const message = {
      name: 'layer',
      dims: [3, 0, 70000],
      d: -1.5e-300,
      f: 0.25,
      raw: new Uint8Array([1, 2, 255]),
      inner: [{ v: 7 }, { v: 2 ** 40 }],
      tags: ['a', 'é'],
      kind: 'TWO',
      size: 0,
    };
    const bytes = encodeMessage(OuterSchema, message);
    const decoded = Outer.toObject(Outer.decode(bytes), {
      longs: Number,
      enums: String,
      bytes: Array,
    });
    expect(decoded).toEqual({ ...message, raw: [1, 2, 255] });
    expect(bytes).toEqual(new Uint8Array(Outer.encode(Outer.fromObject(message)).finish()));
  });

  it('leaves out absent fields and proto3 defaults, but not a oneof member that holds 0', () => {
    expect(
      encodeMessage(OuterSchema, { name: '', d: 0, raw: new Uint8Array(0), kind: 'NONE' }),
    ).toEqual(new Uint8Array(0));
    expect(encodeMessage(OuterSchema, { size: 0 })).toEqual(new Uint8Array([9 << 3, 0]));
    expect(encodeMessage(OuterSchema, { dims: [], tags: [] })).toEqual(new Uint8Array(0));
  });
});
