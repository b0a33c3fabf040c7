import { encodeMessage, type MessageSchema } from './encodeMessage.js';

/**
 * The part of ONNX's schema (`onnx/onnx.proto3`, MIT, ONNX Project Contributors) that an
 * exported model uses, with the upstream field numbers: the messages and fields rxgrad writes.
 */

/** ONNX's element types (TensorProto.DataType) of rxgrad's dtypes. */
export const ONNX_DTYPE = { float32: 1, float64: 11 } as const;

const ATTRIBUTE_TYPE = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
} as const;

const TensorProto: MessageSchema = {
  dims: { id: 1, type: 'int64', repeated: true },
  data_type: { id: 2, type: 'int32' },
  float_data: { id: 4, type: 'float', repeated: true },
  int32_data: { id: 5, type: 'int32', repeated: true },
  int64_data: { id: 7, type: 'int64', repeated: true },
  name: { id: 8, type: 'string' },
  raw_data: { id: 9, type: 'bytes' },
  double_data: { id: 10, type: 'double', repeated: true },
  doc_string: { id: 12, type: 'string' },
};

const AttributeProto: MessageSchema = {
  name: { id: 1, type: 'string' },
  f: { id: 2, type: 'float' },
  i: { id: 3, type: 'int64' },
  s: { id: 4, type: 'bytes' },
  t: { id: 5, type: () => TensorProto },
  floats: { id: 7, type: 'float', repeated: true },
  ints: { id: 8, type: 'int64', repeated: true },
  strings: { id: 9, type: 'bytes', repeated: true },
  tensors: { id: 10, type: () => TensorProto, repeated: true },
  doc_string: { id: 13, type: 'string' },
  type: { id: 20, type: { enum: ATTRIBUTE_TYPE } },
};

const NodeProto: MessageSchema = {
  input: { id: 1, type: 'string', repeated: true },
  output: { id: 2, type: 'string', repeated: true },
  name: { id: 3, type: 'string' },
  op_type: { id: 4, type: 'string' },
  attribute: { id: 5, type: () => AttributeProto, repeated: true },
  doc_string: { id: 6, type: 'string' },
  domain: { id: 7, type: 'string' },
};

const Dimension: MessageSchema = {
  dim_value: { id: 1, type: 'int64', oneof: true },
  dim_param: { id: 2, type: 'string', oneof: true },
  denotation: { id: 3, type: 'string' },
};

const TensorShapeProto: MessageSchema = {
  dim: { id: 1, type: () => Dimension, repeated: true },
};

const TensorTypeProto: MessageSchema = {
  elem_type: { id: 1, type: 'int32' },
  shape: { id: 2, type: () => TensorShapeProto },
};

const TypeProto: MessageSchema = {
  tensor_type: { id: 1, type: () => TensorTypeProto, oneof: true },
  denotation: { id: 6, type: 'string' },
};

const ValueInfoProto: MessageSchema = {
  name: { id: 1, type: 'string' },
  type: { id: 2, type: () => TypeProto },
  doc_string: { id: 3, type: 'string' },
};

const GraphProto: MessageSchema = {
  node: { id: 1, type: () => NodeProto, repeated: true },
  name: { id: 2, type: 'string' },
  initializer: { id: 5, type: () => TensorProto, repeated: true },
  doc_string: { id: 10, type: 'string' },
  input: { id: 11, type: () => ValueInfoProto, repeated: true },
  output: { id: 12, type: () => ValueInfoProto, repeated: true },
  value_info: { id: 13, type: () => ValueInfoProto, repeated: true },
};

const OperatorSetIdProto: MessageSchema = {
  domain: { id: 1, type: 'string' },
  version: { id: 2, type: 'int64' },
};

const StringStringEntryProto: MessageSchema = {
  key: { id: 1, type: 'string' },
  value: { id: 2, type: 'string' },
};

const ModelProto: MessageSchema = {
  ir_version: { id: 1, type: 'int64' },
  producer_name: { id: 2, type: 'string' },
  producer_version: { id: 3, type: 'string' },
  domain: { id: 4, type: 'string' },
  model_version: { id: 5, type: 'int64' },
  doc_string: { id: 6, type: 'string' },
  graph: { id: 7, type: () => GraphProto },
  opset_import: { id: 8, type: () => OperatorSetIdProto, repeated: true },
  metadata_props: { id: 14, type: () => StringStringEntryProto, repeated: true },
};

/**
 * The bytes of an ONNX `ModelProto` given as a plain object with the schema's field names
 * (`{ ir_version, opset_import: [{ domain, version }], graph: { node, initializer, ... } }`);
 * enum fields take their names (`type: 'INTS'`) or numbers.
 */
export function encodeModel(model: Readonly<Record<string, unknown>>): Uint8Array {
  return encodeMessage(ModelProto, model);
}
