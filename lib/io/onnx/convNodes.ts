import { ArgumentError, formatShape, ShapeError } from '../../core/index.js';
import type { BatchNorm, Conv2d, Module } from '../../nn/index.js';
import { outputSize, resolvePadding } from '../../ops/conv2dGeometry.js';
import type { Architecture } from '../architecture.js';
import type { OnnxGraph } from './OnnxGraph.js';
import type { Flow } from './scalerNodes.js';

// The convolutional layers as ONNX nodes: Conv, MaxPool, AveragePool, GlobalAveragePool,
// BatchNormalization (inference: the running statistics), Flatten (or Reshape).

type ConvSpec = Extract<
  Architecture,
  {
    type:
      | 'Conv2d'
      | 'MaxPool2d'
      | 'AvgPool2d'
      | 'BatchNorm1d'
      | 'BatchNorm2d'
      | 'Flatten'
      | 'GlobalAvgPool2d';
  }
>;

/** Whether `spec` is one of the layers this file exports. */
export function isConvSpec(spec: Architecture): spec is ConvSpec {
  return [
    'Conv2d',
    'MaxPool2d',
    'AvgPool2d',
    'BatchNorm1d',
    'BatchNorm2d',
    'Flatten',
    'GlobalAvgPool2d',
  ].includes(spec.type);
}

function shown(shape: readonly (number | string)[]): string {
  return formatShape(shape.map((d) => (typeof d === 'number' ? d : -1)));
}

/** A ShapeError unless the flow is NCHW with `channels` channels (when known). */
function expectNchw(flow: Flow, channels: number | null, at: string, what: string): void {
  const c = flow.shape[1];
  if (flow.shape.length !== 4 || (channels !== null && typeof c === 'number' && c !== channels)) {
    const want = channels === null ? '[N, C, H, W]' : `[N, ${channels}, H, W]`;
    throw new ShapeError(
      `exportOnnx: ${at} (${what}) expects input ${want}, got input shape ${shown(flow.shape)}`,
    );
  }
}

/** The spatial output dims of a window (a name for a dynamic input dim). */
function spatial(
  flow: Flow,
  pads: readonly number[],
  k: readonly number[],
  d: readonly number[],
  s: readonly number[],
  at: string,
): (number | string)[] {
  return [0, 1].map((a) => {
    const size = flow.shape[2 + a];
    return typeof size === 'number'
      ? outputSize(size, pads[a] + pads[a + 2], k[a], d[a], s[a]) // pads: top, left, bottom, right
      : `${at}_dim${2 + a}`;
  });
}

/** The nodes of one convolutional layer applied to `flow`. */
export function convNodes(
  graph: OnnxGraph,
  flow: Flow,
  module: Module,
  spec: ConvSpec,
  at: string,
  prefix: string,
): Flow {
  const x = flow.name;
  switch (spec.type) {
    case 'Conv2d': {
      const conv = module as Conv2d;
      expectNchw(flow, spec.inChannels, at, conv.describe());
      const [kh, kw] = spec.kernelSize;
      const [[top, bottom], [left, right]] = resolvePadding(
        spec.padding,
        [kh, kw],
        spec.dilation,
        spec.stride,
        'exportOnnx',
      );
      const pads = [top, left, bottom, right];
      const w = graph.constant(`${prefix}weight`, conv.weight.data, conv.weight.shape);
      const inputs = [x, w];
      if (conv.bias) inputs.push(graph.constant(`${prefix}bias`, conv.bias.data, conv.bias.shape));
      const y = graph.node('Conv', inputs, `${prefix}Conv`, {
        kernel_shape: { ints: spec.kernelSize },
        strides: { ints: spec.stride },
        dilations: { ints: spec.dilation },
        pads: { ints: pads },
        group: { int: spec.groups },
      });
      const hw = spatial(flow, pads, spec.kernelSize, spec.dilation, spec.stride, at);
      return { name: y, shape: [flow.shape[0], spec.outChannels, ...hw] };
    }
    case 'MaxPool2d':
    case 'AvgPool2d': {
      expectNchw(flow, null, at, spec.type);
      const [ph, pw] = spec.padding;
      const attributes = {
        kernel_shape: { ints: spec.kernelSize },
        strides: { ints: spec.stride },
        pads: { ints: [ph, pw, ph, pw] },
        ...(spec.type === 'AvgPool2d'
          ? { count_include_pad: { int: spec.countIncludePad ? 1 : 0 } }
          : {}),
      };
      const op = spec.type === 'MaxPool2d' ? 'MaxPool' : 'AveragePool';
      const y = graph.node(op, [x], at, attributes);
      const hw = spatial(flow, [ph, pw, ph, pw], spec.kernelSize, [1, 1], spec.stride, at);
      return { name: y, shape: [flow.shape[0], flow.shape[1], ...hw] };
    }
    case 'GlobalAvgPool2d':
      expectNchw(flow, null, at, 'GlobalAvgPool2d');
      return {
        name: graph.node('GlobalAveragePool', [x], at),
        shape: [flow.shape[0], flow.shape[1], 1, 1],
      };
    case 'BatchNorm1d':
    case 'BatchNorm2d':
      return batchNormNodes(graph, flow, module as BatchNorm, spec, at, prefix);
    case 'Flatten':
      return flattenNodes(graph, flow, spec.startAxis, spec.endAxis, at);
  }
}

function batchNormNodes(
  graph: OnnxGraph,
  flow: Flow,
  bn: BatchNorm,
  spec: Extract<ConvSpec, { type: 'BatchNorm1d' | 'BatchNorm2d' }>,
  at: string,
  prefix: string,
): Flow {
  const ranks = spec.type === 'BatchNorm2d' ? [4] : [2, 3];
  const c = flow.shape[1];
  if (!ranks.includes(flow.shape.length) || (typeof c === 'number' && c !== spec.numFeatures)) {
    throw new ShapeError(
      `exportOnnx: ${at} (${bn.describe()}) expects ${spec.numFeatures} channels in axis 1, got input shape ${shown(flow.shape)}`,
    );
  }
  if (!bn.runningMean || !bn.runningVar) {
    throw new ArgumentError(
      `exportOnnx: ${at} (${bn.describe()}) has no running statistics: in evaluation it normalises each batch with its own, which ONNX's BatchNormalization cannot express`,
    );
  }
  const n = spec.numFeatures;
  const ones = new Array<number>(n).fill(1);
  const zeros = new Array<number>(n).fill(0);
  const inputs = [
    flow.name,
    graph.constant(`${prefix}weight`, bn.weight?.data ?? ones, [n]),
    graph.constant(`${prefix}bias`, bn.bias?.data ?? zeros, [n]),
    graph.constant(`${prefix}runningMean`, bn.runningMean.data, [n]),
    graph.constant(`${prefix}runningVar`, bn.runningVar.data, [n]),
  ];
  // NOTE: epsilon is a float32 attribute: 1e-5 becomes 9.99999975e-6, a change of ~1e-14
  // relative in the output for variances near 1, below the float64 export's tolerance.
  return {
    name: graph.node('BatchNormalization', inputs, at, { epsilon: { float: spec.eps } }),
    shape: flow.shape,
  };
}

function flattenNodes(
  graph: OnnxGraph,
  flow: Flow,
  startAxis: number,
  endAxis: number,
  at: string,
): Flow {
  const rank = flow.shape.length;
  const start = startAxis < 0 ? startAxis + rank : startAxis;
  const end = endAxis < 0 ? endAxis + rank : endAxis;
  if (!(start >= 0 && start <= end && end < rank)) {
    throw new ShapeError(
      `exportOnnx: ${at} (Flatten(${startAxis}, ${endAxis})) does not fit input shape ${shown(flow.shape)}`,
    );
  }
  const merged = flow.shape.slice(start, end + 1);
  const size = merged.every((d) => typeof d === 'number')
    ? (merged as number[]).reduce((a, b) => a * b, 1)
    : `${at}_dim${start}`;
  const shape = [...flow.shape.slice(0, start), size, ...flow.shape.slice(end + 1)];
  if (start === 1 && end === rank - 1) {
    return { name: graph.node('Flatten', [flow.name], at, { axis: { int: 1 } }), shape };
  }
  // any other range: a Reshape, 0 copying each leading dim, −1 for the merged one
  const trailing = flow.shape.slice(end + 1);
  if (!trailing.every((d) => typeof d === 'number')) {
    throw new ShapeError(
      `exportOnnx: ${at} (Flatten(${startAxis}, ${endAxis})) needs the axes after ${end} to have known sizes, got input shape ${shown(flow.shape)}`,
    );
  }
  const target = [...flow.shape.slice(0, start).map(() => 0), -1, ...(trailing as number[])];
  const shapeName = graph.int64Constant(`${at}.shape`, target);
  return { name: graph.node('Reshape', [flow.name, shapeName], at), shape };
}
