import type { DType, TypedArray } from '../../core/index.js';
import { allocate } from '../../core/index.js';
import { writeLittleEndian } from '../bytes.js';
import { ONNX_DTYPE } from './onnxSchema.js';

/** TensorProto.DataType INT64. */
const INT64 = 7;

/** An attribute value of a node: a float, an int (bigint-free number), a list of ints or a string. */
export type AttributeValue =
  | { float: number }
  | { int: number }
  | { ints: readonly number[] }
  | { string: string };

/** Plain objects shaped like ONNX's NodeProto and TensorProto (onnxSchema.ts's field names). */
export interface NodeObject {
  input: string[];
  output: string[];
  name: string;
  op_type: string;
  attribute: Record<string, unknown>[];
}

/**
 * Collects the nodes and initializers of an ONNX graph in topological order, with unique
 * names: each `node` call returns the name of its output, ready to feed the next node.
 */
export class OnnxGraph {
  readonly nodes: NodeObject[] = [];
  readonly initializers: Record<string, unknown>[] = [];
  private readonly used = new Set<string>();

  constructor(readonly dtype: DType) {}

  /** A unique name starting with `base`. */
  unique(base: string): string {
    let name = base;
    for (let i = 1; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** An initializer of the graph's dtype holding `values` (raw little-endian bytes, bit exact). */
  constant(base: string, values: TypedArray | readonly number[], shape: readonly number[]): string {
    const name = this.unique(base);
    const data = allocate(this.dtype, values.length);
    data.set(values);
    const raw = new Uint8Array(data.byteLength);
    writeLittleEndian(data, raw, 0);
    this.initializers.push({
      name,
      dims: [...shape],
      data_type: ONNX_DTYPE[this.dtype],
      raw_data: raw,
    });
    return name;
  }

  /** An int64 initializer (a shape for Reshape), little-endian. */
  int64Constant(base: string, values: readonly number[]): string {
    const name = this.unique(base);
    const raw = new Uint8Array(8 * values.length);
    const view = new DataView(raw.buffer);
    values.forEach((v, i) => {
      view.setBigInt64(8 * i, BigInt(v), true);
    });
    this.initializers.push({ name, dims: [values.length], data_type: INT64, raw_data: raw });
    return name;
  }

  /** Appends a node `opType(inputs)` named `base` and returns its output's name. */
  node(
    opType: string,
    inputs: string[],
    base: string,
    attributes: Record<string, AttributeValue> = {},
  ): string {
    const name = this.unique(base);
    const output = this.unique(`${base}_out`);
    this.nodes.push({
      input: inputs,
      output: [output],
      name,
      op_type: opType,
      attribute: Object.entries(attributes).map(([key, v]) => attribute(key, v)),
    });
    return output;
  }
}

function attribute(name: string, v: AttributeValue): Record<string, unknown> {
  if ('float' in v) return { name, type: 'FLOAT', f: v.float };
  if ('int' in v) return { name, type: 'INT', i: v.int };
  if ('ints' in v) return { name, type: 'INTS', ints: [...v.ints] };
  return { name, type: 'STRING', s: new TextEncoder().encode(v.string) };
}
