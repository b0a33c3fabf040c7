import {
  ArgumentError,
  type DType,
  excerpt,
  FormatError,
  Random,
  type RandomState,
} from '../core/index.js';
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
  | {
      /** A `Sequential`. */
      type: 'Sequential';
      /** Its layers, in order. */
      layers: Architecture[];
    }
  | {
      /** A `Linear` layer. */
      type: 'Linear';
      /** Input features (rows of the weight). */
      inFeatures: number;
      /** Output features (columns of the weight). */
      outFeatures: number;
      /** Whether it has a bias. */
      bias: boolean;
      /** dtype of its parameters. */
      dtype: DType;
    }
  | {
      /** A `Neuron`. */
      type: 'Neuron';
      /** Its number of inputs. */
      inputs: number;
      /** Its activation. */
      activation: NeuronActivation;
      /** Whether it has a bias. */
      bias: boolean;
      /** dtype of its parameters. */
      dtype: DType;
    }
  | {
      /** An activation layer without settings. */
      type: 'ReLU' | 'Sigmoid' | 'Tanh' | 'GELU' | 'Identity';
    }
  | {
      /** A `LeakyReLU`. */
      type: 'LeakyReLU';
      /** Its slope for negative inputs. */
      slope: number;
    }
  | {
      /** A `Softmax`. */
      type: 'Softmax';
      /** The axis it normalises over. */
      axis: number;
    }
  | {
      /** A `Dropout`. */
      type: 'Dropout';
      /** Its probability of zeroing an element in training. */
      p: number;
      /** The state of its mask generator. */
      rng: RandomState;
    }
  | {
      /** A `Conv2d` layer (weight [outChannels, inChannels / groups, kH, kW]). */
      type: 'Conv2d';
      /** Channels of its input. */
      inChannels: number;
      /** Channels of its output (filters). */
      outChannels: number;
      /** Height and width of a filter. */
      kernelSize: [number, number];
      /** Steps between windows, down and across. */
      stride: [number, number];
      /** Zero padding: a number, [rows, columns], [[top, bottom], [left, right]], `'valid'` or `'same'`. */
      padding: Padding2d;
      /** Spacing between the filter's taps, down and across. */
      dilation: [number, number];
      /** Channel groups (each output channel sees inChannels / groups input channels). */
      groups: number;
      /** Whether it has a bias. */
      bias: boolean;
      /** dtype of its parameters. */
      dtype: DType;
    }
  | {
      /** A `MaxPool2d` layer. */
      type: 'MaxPool2d';
      /** Height and width of a window. */
      kernelSize: [number, number];
      /** Steps between windows, down and across. */
      stride: [number, number];
      /** Padding (−∞) above/below and left/right. */
      padding: [number, number];
    }
  | {
      /** An `AvgPool2d` layer. */
      type: 'AvgPool2d';
      /** Height and width of a window. */
      kernelSize: [number, number];
      /** Steps between windows, down and across. */
      stride: [number, number];
      /** Zero padding above/below and left/right. */
      padding: [number, number];
      /** Whether padded zeros count in the mean's divisor. */
      countIncludePad: boolean;
    }
  | {
      /** A `BatchNorm1d` or `BatchNorm2d` layer. */
      type: 'BatchNorm1d' | 'BatchNorm2d';
      /** Features (channels) normalised. */
      numFeatures: number;
      /** Added to the variance before its square root. */
      eps: number;
      /** Weight of a new batch in the running statistics. */
      momentum: number;
      /** Whether it has a learned scale (`weight`) and shift (`bias`). */
      affine: boolean;
      /** Whether it keeps running statistics (buffers `runningMean`, `runningVar`). */
      trackRunningStats: boolean;
      /** dtype of its parameters and buffers. */
      dtype: DType;
    }
  | {
      /** A `Flatten` layer. */
      type: 'Flatten';
      /** First axis merged. */
      startAxis: number;
      /** Last axis merged (negative counts from the end). */
      endAxis: number;
    }
  | {
      /** A `GlobalAvgPool2d` layer. */
      type: 'GlobalAvgPool2d';
    };

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
      `buildModel: ${path} must be an object with a type, got ${excerpt(spec)}`,
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
        throw new ArgumentError(`unknown layer type ${excerpt(s.type)}`);
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
    throw new ArgumentError(`${name} must be true or false, got ${excerpt(v)}`);
  return v;
}

/** One parameter or buffer a model built from an architecture will have. */
export interface ParameterSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: DType;
}

/**
 * The parameters and buffers (dotted name, shape, dtype) of the model `buildModel(spec)` would build, read
 * from the description alone, allocating nothing: what `load` checks against the file's
 * tensors before it builds the model, so a small file cannot make it allocate a huge one.
 * A malformed size, bias or dtype is a `FormatError` naming its path.
 *
 * @example architectureParameters(describeArchitecture(mlp([2, 3, 1])))
 * // [{ name: 'layers.0.weight', shape: [2, 3], dtype: 'float64' }, …]
 */
export function architectureParameters(spec: unknown, path = 'architecture'): ParameterSpec[] {
  const out: ParameterSpec[] = [];
  // NOTE: iterative, so that a deeply nested description cannot overflow the stack.
  const stack: [unknown, string, string][] = [[spec, path, '']];
  while (stack.length > 0) {
    const [node, at, prefix] = stack.pop() as [unknown, string, string];
    const s = node as Record<string, unknown>;
    if (s === null || typeof s !== 'object' || typeof s.type !== 'string') {
      throw new FormatError(
        `buildModel: ${at} must be an object with a type, got ${excerpt(node)}`,
      );
    }
    const field = (name: string, check: (v: unknown) => boolean, expected: string): unknown => {
      if (!check(s[name])) {
        throw new FormatError(
          `buildModel: ${at} (${s.type}): ${name} must be ${expected}, got ${excerpt(s[name])}`,
        );
      }
      return s[name];
    };
    const size = (name: string) =>
      field(
        name,
        (v) => Number.isSafeInteger(v) && (v as number) > 0,
        'a positive integer',
      ) as number;
    const floatDType = () =>
      field('dtype', (v) => v === 'float32' || v === 'float64', "'float32' or 'float64'") as DType;
    const linear = (inputs: number, outputs: number) => {
      const bias = field('bias', (v) => typeof v === 'boolean', 'true or false');
      const dtype = floatDType();
      out.push({ name: `${prefix}weight`, shape: [inputs, outputs], dtype });
      if (bias) out.push({ name: `${prefix}bias`, shape: [outputs], dtype });
    };
    if (s.type === 'Sequential') {
      const layers = field('layers', Array.isArray, 'a list') as unknown[];
      for (let i = layers.length - 1; i >= 0; i--) {
        stack.push([layers[i], `${at}.layers.${i}`, `${prefix}layers.${i}.`]);
      }
    } else if (s.type === 'Linear') linear(size('inFeatures'), size('outFeatures'));
    else if (s.type === 'Neuron') linear(size('inputs'), 1);
    else if (s.type === 'Conv2d') {
      const groups = size('groups');
      const kernel = field(
        'kernelSize',
        (v) =>
          Array.isArray(v) && v.length === 2 && v.every((k) => Number.isSafeInteger(k) && k > 0),
        'two positive integers',
      ) as [number, number];
      const dtype = floatDType();
      const out_ = size('outChannels');
      out.push({
        name: `${prefix}weight`,
        shape: [out_, size('inChannels') / groups, ...kernel],
        dtype,
      });
      if (field('bias', (v) => typeof v === 'boolean', 'true or false'))
        out.push({ name: `${prefix}bias`, shape: [out_], dtype });
    } else if (s.type === 'BatchNorm1d' || s.type === 'BatchNorm2d') {
      const c = size('numFeatures');
      const dtype = floatDType();
      const has = (name: string) => field(name, (v) => typeof v === 'boolean', 'true or false');
      const names = [
        ...(has('affine') ? ['weight', 'bias'] : []),
        ...(has('trackRunningStats') ? ['runningMean', 'runningVar'] : []),
      ];
      for (const name of names) out.push({ name: `${prefix}${name}`, shape: [c], dtype });
    }
  }
  return out;
}
