import protobuf from 'protobufjs';
import { ONNX_PROTO } from './onnxProto.js';

let root: protobuf.Root | null = null;

/** The ONNX message types, parsed once from `ONNX_PROTO` (field names as in the schema). */
export function onnxType(name: 'ModelProto' | 'TensorProto' | 'GraphProto'): protobuf.Type {
  root ??= protobuf.parse(ONNX_PROTO, { keepCase: true }).root;
  return root.lookupType(`onnx.${name}`);
}

/** ONNX's element types (TensorProto.DataType) of rxgrad's dtypes. */
export const ONNX_DTYPE = { float32: 1, float64: 11 } as const;
