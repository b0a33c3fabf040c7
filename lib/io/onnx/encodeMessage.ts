import protobuf from 'protobufjs/minimal.js';

/** A protobuf scalar type, as in a `.proto` file. */
export type ScalarType = 'int32' | 'int64' | 'float' | 'double' | 'string' | 'bytes';

/** The fields of a message: name → field number, type, and whether it repeats. */
export interface MessageSchema {
  readonly [name: string]: FieldSchema;
}

/** One field: a scalar, an enum (names → numbers) or a nested message (given lazily: schemas nest). */
export interface FieldSchema {
  readonly id: number;
  readonly type:
    | ScalarType
    | { readonly enum: Readonly<Record<string, number>> }
    | (() => MessageSchema);
  readonly repeated?: boolean;
  /** A member of a `oneof`: written even when it holds its default value. */
  readonly oneof?: boolean;
}

type Writer = protobuf.Writer;

// Wire types of the protobuf encoding.
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

const WIRE: Record<ScalarType, number> = {
  int32: VARINT,
  int64: VARINT,
  float: FIXED32,
  double: FIXED64,
  string: LENGTH_DELIMITED,
  bytes: LENGTH_DELIMITED,
};

function writeScalar(w: Writer, type: ScalarType, value: unknown): void {
  switch (type) {
    case 'int32':
      w.int32(value as number);
      break;
    case 'int64':
      w.int64(value as number);
      break;
    case 'float':
      w.float(value as number);
      break;
    case 'double':
      w.double(value as number);
      break;
    case 'string':
      w.string(value as string);
      break;
    case 'bytes':
      w.bytes(value as Uint8Array);
      break;
  }
}

function isDefault(value: unknown): boolean {
  return value === 0 || value === '' || (value instanceof Uint8Array && value.length === 0);
}

function enumValue(table: Readonly<Record<string, number>>, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => enumValue(table, v));
  return typeof value === 'number' ? value : table[value as string];
}

function writeMessage(
  w: Writer,
  schema: MessageSchema,
  message: Readonly<Record<string, unknown>>,
): void {
  // Field-number order, the order protobuf writers use.
  const fields = Object.entries(schema).sort((a, b) => a[1].id - b[1].id);
  for (const [name, field] of fields) {
    const { id, type } = field;
    const given = message[name];
    if (given === undefined || given === null) continue;
    const value = typeof type === 'object' ? enumValue(type.enum, given) : given;
    // NOTE: proto3 does not write a singular scalar that holds its default (0, '', no bytes),
    // except in a oneof, where being set is the information.
    if (!field.repeated && !field.oneof && isDefault(value)) continue;
    const values = field.repeated ? (value as readonly unknown[]) : [value];
    if (typeof type === 'function') {
      for (const v of values) {
        w.uint32((id << 3) | LENGTH_DELIMITED).fork();
        writeMessage(w, type(), v as Record<string, unknown>);
        w.ldelim();
      }
    } else if (typeof type === 'object') {
      for (const v of values) w.uint32((id << 3) | VARINT).int32(v as number);
    } else if (field.repeated && WIRE[type] !== LENGTH_DELIMITED) {
      // NOTE: proto3 packs repeated numbers: one length-delimited run of values.
      if (values.length === 0) continue;
      w.uint32((id << 3) | LENGTH_DELIMITED).fork();
      for (const v of values) writeScalar(w, type, v);
      w.ldelim();
    } else {
      for (const v of values) {
        w.uint32((id << 3) | WIRE[type]);
        writeScalar(w, type, v);
      }
    }
  }
}

/**
 * The protobuf encoding of `message`, a plain object whose keys are field names of `schema`,
 * written with protobufjs's minimal runtime (no schema parser). Fields that are absent
 * (undefined or null) or hold proto3's default are not written; the rest is, in field-number order.
 */
export function encodeMessage(
  schema: MessageSchema,
  message: Readonly<Record<string, unknown>>,
): Uint8Array {
  const w = protobuf.Writer.create();
  writeMessage(w, schema, message);
  const bytes = w.finish();
  // NOTE: in Node the writer returns a Buffer; callers get a plain Uint8Array view of it.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
