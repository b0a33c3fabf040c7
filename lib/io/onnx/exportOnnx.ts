import {
  ArgumentError,
  checkOptions,
  type DType,
  DTypeError,
  excerpt,
  formatShape,
  normalizeAxis,
  ShapeError,
} from '../../core/index.js';
import { type Linear, Module, type Sequential } from '../../nn/index.js';
import { type Architecture, describeArchitecture } from '../architecture.js';
import type { Preprocessor, PreprocessorState } from '../preprocessor.js';
import { convNodes, isConvSpec } from './convNodes.js';
import { OnnxGraph } from './OnnxGraph.js';
import { encodeModel, ONNX_DTYPE } from './onnxSchema.js';
import { type Flow, preprocessors, scalerNodes } from './scalerNodes.js';

/** A dimension of the exported input: a size, or null / a name for a dynamic one (the batch). */
export type OnnxDim = number | string | null;

/** Options of `exportOnnx`. */
export interface ExportOnnxOptions {
  /** The input's shape, e.g. `[null, 30]` for any batch of 30 features. */
  inputShape: readonly OnnxDim[];
  /** ONNX opset, 13 to 21. Default 17. GELU is one `Gelu` node from opset 20, else Erf-based. */
  opset?: number;
  /** Fitted scalers applied to the input first, in order (Sub/Div or Sub/Mul/Add nodes). */
  preprocessing?: Preprocessor | PreprocessorState | readonly (Preprocessor | PreprocessorState)[];
  /** `Linear` as one `Gemm` node (default, for rank-2 inputs) or `MatMul` then `Add`. */
  linear?: 'gemm' | 'matmul';
  /** Name of the graph's input. Default `'input'`. */
  inputName?: string;
  /** Name of the graph's output. Default `'output'`. */
  outputName?: string;
  /** dtype of a model without parameters. Default `'float64'`. */
  dtype?: DType;
  /** Strings stored in the model's `metadata_props`. */
  metadata?: Record<string, string>;
}

/** ONNX IR version that goes with each opset (onnx/helper.py's VERSION_TABLE). */
const IR_VERSION: Record<number, number> = {
  13: 7,
  14: 7,
  15: 8,
  16: 8,
  17: 8,
  18: 8,
  19: 9,
  20: 9,
  21: 10,
};

/**
 * The bytes of an ONNX model (protobuf, encoded from ONNX's schema with protobufjs's minimal runtime) computing
 * `model.forward` in inference mode, for `Sequential`/`mlp` models of the built-in layers:
 * Linear/Neuron → Gemm (or MatMul + Add), ReLU → Relu, Sigmoid, Tanh, Softmax(axis),
 * LeakyReLU → LeakyRelu (in float64 the exact Where(x > 0, x, slope·x)), GELU → Gelu
 * (opset ≥ 20) or x·(1 + erf(x/√2))/2, Identity and Dropout → Identity, Conv2d → Conv,
 * MaxPool2d → MaxPool, AvgPool2d → AveragePool, GlobalAvgPool2d → GlobalAveragePool,
 * BatchNorm1d/2d → BatchNormalization (the running statistics), Flatten → Flatten (or
 * Reshape when it does not flatten every axis after the batch); scalers given as
 * `preprocessing` become Sub/Div (standard) or Sub/Mul/Add (min-max) nodes in front. Weights
 * are initializers named as in `stateDict()`. The model is y = f(x), f the forward pass.
 *
 * @example
 * const onnx = exportOnnx(model, { inputShape: [null, 30], preprocessing: scaler });
 * // onnxruntime: await InferenceSession.create(onnx)
 */
export function exportOnnx(model: Module, options: ExportOnnxOptions): Uint8Array {
  const where = 'exportOnnx';
  if (!(model instanceof Module)) throw new ArgumentError(`${where}: model must be a Module`);
  if (options === undefined) {
    throw new ArgumentError(`${where}: options { inputShape } are required, got undefined`);
  }
  checkOptions(
    options,
    [
      'inputShape',
      'opset',
      'preprocessing',
      'linear',
      'inputName',
      'outputName',
      'dtype',
      'metadata',
    ],
    where,
  );
  const opset = options.opset ?? 17;
  if (!Object.hasOwn(IR_VERSION, opset)) {
    throw new ArgumentError(
      `${where}: opset must be an integer from 13 to 21, got ${excerpt(opset)}`,
    );
  }
  const inputShape = checkInputShape(options.inputShape, where);
  const architecture = describeArchitecture(model);
  const graph = new OnnxGraph(graphDType(model, options.dtype, where));
  const inputName = graph.unique(options.inputName ?? 'input');
  let flow: Flow = { name: inputName, shape: inputShape };
  for (const p of preprocessors(options.preprocessing, where))
    flow = scalerNodes(graph, flow, p, where);
  flow = layer(graph, flow, model, architecture, '', opset, options.linear ?? 'gemm');
  const outputName = options.outputName ?? 'output';
  const last = graph.nodes.at(-1);
  if (last === undefined || last.output[0] !== flow.name) {
    graph.node('Identity', [flow.name], 'output_identity');
  }
  graph.nodes.at(-1)!.output[0] = outputName;
  const elem = ONNX_DTYPE[graph.dtype];
  return encodeModel({
    ir_version: IR_VERSION[opset],
    opset_import: [{ domain: '', version: opset }],
    producer_name: 'rxgrad',
    graph: {
      name: model.constructor.name,
      node: graph.nodes,
      initializer: graph.initializers,
      input: [valueInfo(inputName, elem, inputShape)],
      output: [valueInfo(outputName, elem, flow.shape)],
    },
    metadata_props: Object.entries(options.metadata ?? {}).map(([key, value]) => ({
      key,
      value: String(value),
    })),
  });
}

function layer(
  graph: OnnxGraph,
  flow: Flow,
  module: Module,
  spec: Architecture,
  path: string,
  opset: number,
  linear: 'gemm' | 'matmul',
): Flow {
  const at = path || spec.type;
  const x = flow.name;
  const same = (name: string): Flow => ({ name, shape: flow.shape });
  switch (spec.type) {
    case 'Sequential':
      return (module as Sequential).layers.reduce(
        (f, m, i) =>
          layer(
            graph,
            f,
            m,
            (spec.layers as Architecture[])[i],
            `${path ? `${path}.` : ''}layers.${i}`,
            opset,
            linear,
          ),
        flow,
      );
    case 'Linear':
    case 'Neuron': {
      const lin = module as Linear;
      const last = flow.shape.at(-1);
      if (flow.shape.length === 0 || (typeof last === 'number' && last !== lin.inFeatures)) {
        throw new ShapeError(
          `exportOnnx: ${at} (${lin.describe()}) expects ${lin.inFeatures} features in the last axis, got input shape ${formatShape(flow.shape.map((d) => (typeof d === 'number' ? d : -1)))}`,
        );
      }
      const prefix = path ? `${path}.` : '';
      const w = graph.constant(`${prefix}weight`, lin.weight.data, lin.weight.shape);
      const b = lin.bias ? graph.constant(`${prefix}bias`, lin.bias.data, lin.bias.shape) : null;
      let y: string;
      if (linear === 'gemm' && flow.shape.length === 2) {
        y = graph.node('Gemm', b ? [x, w, b] : [x, w], `${prefix}Gemm`);
      } else {
        y = graph.node('MatMul', [x, w], `${prefix}MatMul`);
        if (b) y = graph.node('Add', [y, b], `${prefix}Add`);
      }
      const out: Flow = { name: y, shape: [...flow.shape.slice(0, -1), lin.outFeatures] };
      if (spec.type === 'Linear') return out;
      return activation(graph, out, spec.activation, `${prefix}activation`);
    }
    case 'ReLU':
      return same(graph.node('Relu', [x], at));
    case 'Sigmoid':
      return same(graph.node('Sigmoid', [x], at));
    case 'Tanh':
      return same(graph.node('Tanh', [x], at));
    case 'Identity':
    case 'Dropout':
      return same(graph.node('Identity', [x], at));
    case 'Softmax': {
      const axis = normalizeAxis(spec.axis, flow.shape.length, `exportOnnx: ${at} (Softmax)`);
      return same(graph.node('Softmax', [x], at, { axis: { int: axis } }));
    }
    case 'LeakyReLU':
      return leakyRelu(graph, flow, spec.slope, at);
    case 'GELU':
      return gelu(graph, flow, at, opset);
  }
  if (isConvSpec(spec)) return convNodes(graph, flow, module, spec, at, path ? `${path}.` : '');
  throw new ArgumentError(`exportOnnx: ${at}: no ONNX nodes for a ${(spec as Architecture).type}`);
}

/** A Neuron's activation; 'linear' and 'identity' add no node. */
function activation(graph: OnnxGraph, flow: Flow, name: string, at: string): Flow {
  const ops: Record<string, string> = { relu: 'Relu', sigmoid: 'Sigmoid', tanh: 'Tanh' };
  if (!Object.hasOwn(ops, name)) return flow;
  return { name: graph.node(ops[name], [flow.name], at), shape: flow.shape };
}

function leakyRelu(graph: OnnxGraph, flow: Flow, slope: number, at: string): Flow {
  const x = flow.name;
  if (graph.dtype === 'float32') {
    return {
      name: graph.node('LeakyRelu', [x], at, { alpha: { float: slope } }),
      shape: flow.shape,
    };
  }
  // NOTE: LeakyRelu's alpha is a float32 attribute; in float64 that would round the slope, so
  // the exact where(x > 0, x, slope·x) is built from float64 constants instead.
  const zero = graph.constant(`${at}.zero`, [0], []);
  const a = graph.constant(`${at}.slope`, [slope], []);
  const positive = graph.node('Greater', [x, zero], `${at}.Greater`);
  const scaled = graph.node('Mul', [x, a], `${at}.Mul`);
  return { name: graph.node('Where', [positive, x, scaled], `${at}.Where`), shape: flow.shape };
}

function gelu(graph: OnnxGraph, flow: Flow, at: string, opset: number): Flow {
  const x = flow.name;
  if (opset >= 20) return { name: graph.node('Gelu', [x], at), shape: flow.shape };
  // gelu(x) = x·(1 + erf(x/√2))·½
  const t = graph.node(
    'Mul',
    [x, graph.constant(`${at}.inv_sqrt2`, [Math.SQRT1_2], [])],
    `${at}.Mul`,
  );
  const e = graph.node('Erf', [t], `${at}.Erf`);
  const a = graph.node('Add', [e, graph.constant(`${at}.one`, [1], [])], `${at}.Add`);
  const m = graph.node('Mul', [x, a], `${at}.Mul_x`);
  return {
    name: graph.node('Mul', [m, graph.constant(`${at}.half`, [0.5], [])], `${at}.Mul_half`),
    shape: flow.shape,
  };
}

function graphDType(model: Module, fallback: DType | undefined, where: string): DType {
  const dtypes = new Set(model.parameters().map((p) => p.dtype));
  if (dtypes.size > 1) {
    throw new DTypeError(
      `${where}: all parameters must share one dtype, got ${[...dtypes].join(' and ')}`,
    );
  }
  return [...dtypes][0] ?? fallback ?? 'float64';
}

function checkInputShape(shape: unknown, where: string): (number | string)[] {
  if (
    !Array.isArray(shape) ||
    shape.length === 0 ||
    !shape.every((d) => d === null || typeof d === 'string' || (Number.isInteger(d) && d > 0))
  ) {
    throw new ArgumentError(
      `${where}: inputShape must list positive sizes, or null / a name for a dynamic dimension (e.g. [null, 30]), got ${excerpt(shape)}`,
    );
  }
  return shape.map((d, i) => (d === null ? (i === 0 ? 'batch' : `dim${i}`) : d));
}

function valueInfo(
  name: string,
  elemType: number,
  shape: readonly OnnxDim[],
): Record<string, unknown> {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: elemType,
        shape: {
          dim: shape.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })),
        },
      },
    },
  };
}
