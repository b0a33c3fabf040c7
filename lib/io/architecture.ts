import {
  ArgumentError,
  type DType,
  excerpt,
  FormatError,
  Random,
  type RandomState,
} from '../core/index.js';
import {
  Dropout,
  GELU,
  Identity,
  LeakyReLU,
  Linear,
  type Module,
  Neuron,
  type NeuronActivation,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
} from '../nn/index.js';

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
    };

const SIMPLE = { ReLU, Sigmoid, Tanh, GELU, Identity } as const;

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
  throw new ArgumentError(
    `describeArchitecture: ${path} is a ${c?.name ?? typeof model}, not one of the built-in layers (Sequential, Linear, Neuron, ReLU, Sigmoid, Tanh, GELU, Identity, LeakyReLU, Softmax, Dropout)`,
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
  if (typeof v !== 'boolean')
    throw new ArgumentError(`bias must be true or false, got ${excerpt(v)}`);
  return v;
}

/** One parameter a model built from an architecture will have. */
export interface ParameterSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: DType;
}

/**
 * The parameters (dotted name, shape, dtype) of the model `buildModel(spec)` would build, read
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
    const linear = (inputs: number, outputs: number) => {
      const bias = field('bias', (v) => typeof v === 'boolean', 'true or false');
      const dtype = field(
        'dtype',
        (v) => v === 'float32' || v === 'float64',
        "'float32' or 'float64'",
      ) as DType;
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
  }
  return out;
}
