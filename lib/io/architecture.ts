import { ArgumentError, type DType, FormatError, Random, type RandomState } from '../core/index.js';
import {
  AvgPool2d,
  BatchNorm1d,
  BatchNorm2d,
  Conv2d,
  Dropout,
  Flatten,
  GELU,
  GlobalAvgPool2d,
  Identity,
  LeakyReLU,
  Linear,
  MaxPool2d,
  type Module,
  Neuron,
  type NeuronActivation,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
} from '../nn/index.js';
import type { Padding2d } from '../ops/index.js';

/**
 * A model's architecture as plain JSON data: enough to rebuild a `Sequential` (and so any
 * `mlp`) of the built-in layers without code. Parameters are not part of it.
 */
export type Architecture =
  | { type: 'Sequential'; layers: Architecture[] }
  | { type: 'Linear'; inFeatures: number; outFeatures: number; bias: boolean; dtype: DType }
  | { type: 'Neuron'; inputs: number; activation: NeuronActivation; bias: boolean; dtype: DType }
  | { type: 'ReLU' | 'Sigmoid' | 'Tanh' | 'GELU' | 'Identity' }
  | { type: 'LeakyReLU'; slope: number }
  | { type: 'Softmax'; axis: number }
  | { type: 'Dropout'; p: number; rng: RandomState }
  | {
      type: 'Conv2d';
      inChannels: number;
      outChannels: number;
      kernelSize: [number, number];
      stride: [number, number];
      padding: Padding2d;
      dilation: [number, number];
      groups: number;
      bias: boolean;
      dtype: DType;
    }
  | {
      type: 'MaxPool2d';
      kernelSize: [number, number];
      stride: [number, number];
      padding: [number, number];
    }
  | {
      type: 'AvgPool2d';
      kernelSize: [number, number];
      stride: [number, number];
      padding: [number, number];
      countIncludePad: boolean;
    }
  | {
      type: 'BatchNorm1d' | 'BatchNorm2d';
      numFeatures: number;
      eps: number;
      momentum: number;
      affine: boolean;
      trackRunningStats: boolean;
      dtype: DType;
    }
  | { type: 'Flatten'; startAxis: number; endAxis: number }
  | { type: 'GlobalAvgPool2d' };

const SIMPLE = { ReLU, Sigmoid, Tanh, GELU, Identity, GlobalAvgPool2d } as const;
const BATCH_NORMS = { BatchNorm1d, BatchNorm2d } as const;

/**
 * The architecture of `model`, or a `ArgumentError` naming the first module (by path) that is
 * not a built-in layer. Subclasses do not count as their base class: their `forward` may differ.
 *
 * @example
 * describeArchitecture(mlp([2, 3, 1]));
 * // { type: 'Sequential', layers: [{ type: 'Linear', inFeatures: 2, … }, { type: 'ReLU' }, …] }
 */
export function describeArchitecture(model: Module, path = 'model'): Architecture {
  const c = model?.constructor;
  if (c === Sequential) {
    const layers = (model as Sequential).layers;
    return {
      type: 'Sequential',
      layers: layers.map((m, i) => describeArchitecture(m, `${path}.layers.${i}`)),
    };
  }
  if (c === Linear) {
    const m = model as Linear;
    return {
      type: 'Linear',
      inFeatures: m.inFeatures,
      outFeatures: m.outFeatures,
      bias: m.bias !== null,
      dtype: m.weight.dtype,
    };
  }
  if (c === Neuron) {
    const m = model as Neuron;
    return {
      type: 'Neuron',
      inputs: m.inFeatures,
      activation: m.activation,
      bias: m.bias !== null,
      dtype: m.weight.dtype,
    };
  }
  for (const [type, cls] of Object.entries(SIMPLE)) {
    if (c === cls) return { type } as Architecture;
  }
  if (c === LeakyReLU) return { type: 'LeakyReLU', slope: (model as LeakyReLU).slope };
  if (c === Softmax) return { type: 'Softmax', axis: (model as Softmax).axis };
  if (c === Dropout) {
    const m = model as Dropout;
    return { type: 'Dropout', p: m.p, rng: m.rng.state() };
  }
  return describeConvLayer(model, path);
}

/** The convolutional layers (Conv2d, pooling, BatchNorm, Flatten); an ArgumentError for anything else. */
function describeConvLayer(model: Module, path: string): Architecture {
  const c = model?.constructor;
  if (c === Conv2d) {
    const m = model as Conv2d;
    return {
      type: 'Conv2d',
      inChannels: m.inChannels,
      outChannels: m.outChannels,
      kernelSize: [...m.kernelSize],
      stride: [...m.stride],
      padding: m.padding,
      dilation: [...m.dilation],
      groups: m.groups,
      bias: m.bias !== null,
      dtype: m.weight.dtype,
    };
  }
  if (c === MaxPool2d) {
    const m = model as MaxPool2d;
    const window = {
      kernelSize: [...m.kernelSize],
      stride: [...m.stride],
      padding: [...m.padding],
    };
    return { type: 'MaxPool2d', ...window } as Architecture;
  }
  if (c === AvgPool2d) {
    const m = model as AvgPool2d;
    const window = {
      kernelSize: [...m.kernelSize],
      stride: [...m.stride],
      padding: [...m.padding],
    };
    return { type: 'AvgPool2d', ...window, countIncludePad: m.countIncludePad } as Architecture;
  }
  if (c === BatchNorm1d || c === BatchNorm2d) {
    const m = model as BatchNorm1d;
    return {
      type: c.name as 'BatchNorm1d',
      numFeatures: m.numFeatures,
      eps: m.eps,
      momentum: m.momentum,
      affine: m.weight !== null,
      trackRunningStats: m.runningMean !== null,
      dtype: (m.weight ?? m.runningMean)?.dtype ?? 'float64',
    };
  }
  if (c === Flatten) {
    const m = model as Flatten;
    return { type: 'Flatten', startAxis: m.startAxis, endAxis: m.endAxis };
  }
  throw new ArgumentError(
    `describeArchitecture: ${path} is a ${c?.name ?? typeof model}, not one of the built-in layers (Sequential, Linear, Neuron, ReLU, Sigmoid, Tanh, GELU, Identity, LeakyReLU, Softmax, Dropout, Conv2d, MaxPool2d, AvgPool2d, GlobalAvgPool2d, BatchNorm1d, BatchNorm2d, Flatten)`,
  );
}

/**
 * A fresh model (zero parameters; load them next) from an architecture. Checks the whole
 * description and throws a `FormatError` naming the path of the first invalid entry.
 *
 * @example
 * const copy = buildModel(describeArchitecture(net));
 * copy.loadStateDict(net.stateDict());
 */
export function buildModel(spec: unknown, path = 'architecture'): Module {
  const s = spec as Record<string, unknown>;
  if (s === null || typeof s !== 'object' || typeof s.type !== 'string') {
    throw new FormatError(
      `buildModel: ${path} must be an object with a type, got ${JSON.stringify(spec)}`,
    );
  }
  try {
    switch (s.type) {
      case 'Sequential':
        if (!Array.isArray(s.layers)) throw new ArgumentError('layers must be a list');
        return new Sequential(...s.layers.map((l, i) => buildModel(l, `${path}.layers.${i}`)));
      case 'Linear':
        return new Linear(s.inFeatures as number, s.outFeatures as number, {
          bias: bool(s.bias),
          dtype: s.dtype as DType,
          init: 'zeros',
        });
      case 'Neuron':
        return new Neuron(s.inputs as number, {
          activation: s.activation as NeuronActivation,
          bias: bool(s.bias),
          dtype: s.dtype as DType,
          init: 'zeros',
        });
      case 'LeakyReLU':
        return new LeakyReLU(s.slope as number);
      case 'Softmax':
        return new Softmax(s.axis as number);
      case 'Dropout':
        return new Dropout(s.p as number, { rng: Random.fromState(s.rng as RandomState) });
      case 'Conv2d':
        return new Conv2d(
          s.inChannels as number,
          s.outChannels as number,
          s.kernelSize as [number, number],
          {
            stride: s.stride as [number, number],
            padding: s.padding as Padding2d,
            dilation: s.dilation as [number, number],
            groups: s.groups as number,
            bias: bool(s.bias),
            dtype: s.dtype as DType,
          },
        );
      case 'MaxPool2d':
        return new MaxPool2d(s.kernelSize as [number, number], {
          stride: s.stride as [number, number],
          padding: s.padding as [number, number],
        });
      case 'AvgPool2d':
        return new AvgPool2d(s.kernelSize as [number, number], {
          stride: s.stride as [number, number],
          padding: s.padding as [number, number],
          countIncludePad: s.countIncludePad as boolean,
        });
      case 'BatchNorm1d':
      case 'BatchNorm2d':
        return new BATCH_NORMS[s.type](s.numFeatures as number, {
          eps: s.eps as number,
          momentum: s.momentum as number,
          affine: flag(s.affine, 'affine'),
          trackRunningStats: flag(s.trackRunningStats, 'trackRunningStats'),
          dtype: s.dtype as DType,
        });
      case 'Flatten':
        return new Flatten(s.startAxis as number, s.endAxis as number);
      default:
        if (Object.hasOwn(SIMPLE, s.type)) return new SIMPLE[s.type as keyof typeof SIMPLE]();
        throw new ArgumentError(`unknown layer type ${JSON.stringify(s.type)}`);
    }
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError(`buildModel: ${path} (${s.type}): ${(e as Error).message}`, { cause: e });
  }
}

function bool(v: unknown): boolean {
  return flag(v, 'bias');
}

function flag(v: unknown, name: string): boolean {
  if (typeof v !== 'boolean')
    throw new ArgumentError(`${name} must be true or false, got ${JSON.stringify(v)}`);
  return v;
}
