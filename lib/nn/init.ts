import { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  allocate,
  booleanOption,
  checkDType,
  checkOptions,
  checkShape,
  type DType,
  excerpt,
  Random,
  sizeOf,
} from '../core/index.js';

/** Where an initialiser draws from and what it makes: `seed` or `rng` (not both), the dtype. */
export interface InitOptions {
  /** Seed of a fresh generator (default 0). */
  seed?: number;
  /** Draw from this generator instead (its state advances: share one to give layers distinct weights). */
  rng?: Random;
  /** `'float64'` (default) or `'float32'`. */
  dtype?: DType;
  /** Mark the result as a trainable leaf. Default false. */
  requiresGrad?: boolean;
}

/** A function that makes an initial tensor of `shape`; what `Linear`'s `init` option accepts. */
export type Initializer = (shape: readonly number[], options?: InitOptions) => Tensor;

/** Initialisers by name, for options such as `new Linear(3, 2, { init: 'heNormal' })`. */
export type InitName =
  | 'zeros'
  | 'ones'
  | 'normal'
  | 'uniform'
  | 'glorotUniform'
  | 'glorotNormal'
  | 'xavierUniform'
  | 'xavierNormal'
  | 'heUniform'
  | 'heNormal'
  | 'kaimingUniform'
  | 'kaimingNormal';

/** The generator of `options`: `rng` itself, or a fresh one from `seed` (default 0). */
export function resolveRng(options: { seed?: number; rng?: Random }, where: string): Random {
  if (options.rng !== undefined && options.seed !== undefined) {
    throw new ArgumentError(`${where}: pass either seed or rng, not both; got both`);
  }
  if (options.rng !== undefined) {
    if (!(options.rng instanceof Random)) {
      throw new ArgumentError(`${where}: rng must be a Random, got ${typeof options.rng}`);
    }
    return options.rng;
  }
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new ArgumentError(`${where}: seed must be a finite number, got ${excerpt(seed)}`);
  }
  return new Random(seed);
}

const INIT_OPTIONS = ['seed', 'rng', 'dtype', 'requiresGrad'];

/** The options of an initialiser, checked: known keys only (`INIT_OPTIONS` and `extra`). */
function initOptions(options: InitOptions | undefined, where: string, extra: readonly string[]) {
  const o = checkOptions(options, [...INIT_OPTIONS, ...extra], where);
  return {
    dtype: checkDType(o.dtype ?? 'float64', where),
    requiresGrad: booleanOption(o.requiresGrad, false, where, 'requiresGrad'),
  };
}

function draw(
  where: string,
  shape: readonly number[],
  options: InitOptions,
  extra: readonly string[],
  sample: (rng: Random) => number,
): Tensor {
  const s = checkShape(shape, where);
  const { dtype, requiresGrad } = initOptions(options, where, extra);
  const rng = resolveRng(options, where);
  const data = allocate(dtype, sizeOf(s), where);
  for (let i = 0; i < data.length; i++) data[i] = sample(rng);
  return new Tensor(data, s, { requiresGrad });
}

function checkNumber(value: number, where: string, arg: string, positive = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (positive && value <= 0)) {
    const what = positive ? 'a positive finite number' : 'a finite number';
    throw new ArgumentError(`${where}: ${arg} must be ${what}, got ${excerpt(value)}`);
  }
  return value;
}

/**
 * Fan-in and fan-out of a weight laid out `[..., in, out]` (Keras's convention, and `Linear`'s
 * `[in, out]`): leading axes are a receptive field that multiplies both. A vector has fan-in =
 * fan-out = its length; a scalar 1.
 *
 * @example fans([30, 16])  // { fanIn: 30, fanOut: 16 }
 */
export function fans(shape: readonly number[]): {
  /** Inputs feeding each output unit: `in` × the receptive field. */
  fanIn: number;
  /** Outputs each input unit feeds: `out` × the receptive field. */
  fanOut: number;
} {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  const receptive = sizeOf(shape.slice(0, -2));
  return {
    fanIn: shape[shape.length - 2] * receptive,
    fanOut: shape[shape.length - 1] * receptive,
  };
}

/** Zeros (the usual bias). */
export function zeros(shape: readonly number[], options: InitOptions = {}): Tensor {
  return filledWith('init.zeros', shape, 0, options);
}

/** Ones. */
export function ones(shape: readonly number[], options: InitOptions = {}): Tensor {
  return filledWith('init.ones', shape, 1, options);
}

/** Every element `value`. Draws nothing from the generator. */
export function constant(
  shape: readonly number[],
  value: number,
  options: InitOptions = {},
): Tensor {
  return filledWith('init.constant', shape, value, options);
}

function filledWith(
  where: string,
  shape: readonly number[],
  value: number,
  options: InitOptions,
): Tensor {
  checkNumber(value, where, 'value');
  const s = checkShape(shape, where);
  const { dtype, requiresGrad } = initOptions(options, where, []);
  const data = allocate(dtype, sizeOf(s), where);
  data.fill(value);
  return new Tensor(data, s, { requiresGrad });
}

/**
 * Samples of N(mean, std²), seeded (defaults mean 0, std 1, as PyTorch's `normal_`).
 *
 * @example init.normal([3, 2], { std: 0.01, seed: 1 })
 */
export function normal(
  shape: readonly number[],
  options: InitOptions & { mean?: number; std?: number } = {},
): Tensor {
  options = checkOptions(options, [...INIT_OPTIONS, 'mean', 'std'], 'init.normal');
  const mean = checkNumber(options.mean ?? 0, 'init.normal', 'mean');
  const std = checkNumber(options.std ?? 1, 'init.normal', 'std');
  if (std < 0)
    throw new ArgumentError(`init.normal: std must be non-negative, got ${excerpt(std)}`);
  return draw('init.normal', shape, options, ['mean', 'std'], (r) => mean + std * r.normal());
}

/**
 * Samples of U[low, high), seeded (default [0, 1), as PyTorch's `uniform_`).
 *
 * @example init.uniform([3, 2], { low: -0.1, high: 0.1, seed: 1 })
 */
export function uniform(
  shape: readonly number[],
  options: InitOptions & { low?: number; high?: number } = {},
): Tensor {
  options = checkOptions(options, [...INIT_OPTIONS, 'low', 'high'], 'init.uniform');
  const low = checkNumber(options.low ?? 0, 'init.uniform', 'low');
  const high = checkNumber(options.high ?? 1, 'init.uniform', 'high');
  if (!(high > low)) {
    throw new ArgumentError(
      `init.uniform: high must be greater than low, got low=${low}, high=${high}`,
    );
  }
  return draw(
    'init.uniform',
    shape,
    options,
    ['low', 'high'],
    (r) => low + (high - low) * r.uniform(),
  );
}

/**
 * Glorot/Xavier uniform: U(−a, a) with a = gain·√(6 / (fanIn + fanOut)), so that the variance
 * gain²·2/(fanIn + fanOut) is kept forwards and backwards (Glorot & Bengio, 2010).
 *
 * @example init.glorotUniform([30, 16], { seed: 1 })  // a = √(6/46) ≈ 0.361
 */
export function glorotUniform(
  shape: readonly number[],
  options: InitOptions & { gain?: number } = {},
): Tensor {
  options = checkOptions(options, [...INIT_OPTIONS, 'gain'], 'init.glorotUniform');
  const gain = checkNumber(options.gain ?? 1, 'init.glorotUniform', 'gain', true);
  const { fanIn, fanOut } = fans(checkShape(shape, 'init.glorotUniform'));
  const a = gain * Math.sqrt(6 / (fanIn + fanOut));
  return draw('init.glorotUniform', shape, options, ['gain'], (r) => a * (2 * r.uniform() - 1));
}

/**
 * Glorot/Xavier normal: N(0, σ²) with σ = gain·√(2 / (fanIn + fanOut)) (untruncated, as PyTorch).
 *
 * @example init.glorotNormal([30, 16], { seed: 1 })
 */
export function glorotNormal(
  shape: readonly number[],
  options: InitOptions & { gain?: number } = {},
): Tensor {
  options = checkOptions(options, [...INIT_OPTIONS, 'gain'], 'init.glorotNormal');
  const gain = checkNumber(options.gain ?? 1, 'init.glorotNormal', 'gain', true);
  const { fanIn, fanOut } = fans(checkShape(shape, 'init.glorotNormal'));
  const std = gain * Math.sqrt(2 / (fanIn + fanOut));
  return draw('init.glorotNormal', shape, options, ['gain'], (r) => std * r.normal());
}

/** He/Kaiming options: `gain` (default √2, for relu) and which fan keeps the variance. */
export interface HeOptions extends InitOptions {
  /** Multiplies the standard deviation (or the bound). Default √2, for relu. */
  gain?: number;
  /** `'fanIn'` (default: variance kept in the forward pass) or `'fanOut'` (backward pass). */
  mode?: 'fanIn' | 'fanOut';
}

function heFan(shape: readonly number[], options: HeOptions, where: string): number {
  const mode = options.mode ?? 'fanIn';
  if (mode !== 'fanIn' && mode !== 'fanOut') {
    throw new ArgumentError(`${where}: mode must be 'fanIn' or 'fanOut', got ${excerpt(mode)}`);
  }
  return fans(checkShape(shape, where))[mode];
}

/**
 * He/Kaiming uniform: U(−a, a) with a = gain·√(3 / fan), fan = fanIn by default, gain √2
 * (He et al., 2015): variance 2/fanIn, which relu layers keep.
 *
 * @example init.heUniform([30, 16], { seed: 1 })  // a = √(6/30) ≈ 0.447
 */
export function heUniform(shape: readonly number[], options: HeOptions = {}): Tensor {
  options = checkOptions(options, [...INIT_OPTIONS, 'gain', 'mode'], 'init.heUniform');
  const gain = checkNumber(options.gain ?? Math.SQRT2, 'init.heUniform', 'gain', true);
  const a = gain * Math.sqrt(3 / heFan(shape, options, 'init.heUniform'));
  return draw('init.heUniform', shape, options, ['gain', 'mode'], (r) => a * (2 * r.uniform() - 1));
}

/**
 * He/Kaiming normal: N(0, σ²) with σ = gain / √fan, fan = fanIn by default, gain √2.
 *
 * @example init.heNormal([30, 16], { seed: 1 })  // σ = √(2/30) ≈ 0.258
 */
export function heNormal(shape: readonly number[], options: HeOptions = {}): Tensor {
  options = checkOptions(options, [...INIT_OPTIONS, 'gain', 'mode'], 'init.heNormal');
  const gain = checkNumber(options.gain ?? Math.SQRT2, 'init.heNormal', 'gain', true);
  const std = gain / Math.sqrt(heFan(shape, options, 'init.heNormal'));
  return draw('init.heNormal', shape, options, ['gain', 'mode'], (r) => std * r.normal());
}

/**
 * The initialisers as one namespace (`init.heNormal(...)`, like `torch.nn.init`), with the
 * Xavier and Kaiming aliases.
 *
 * @example
 * const w = init.glorotUniform([30, 16], { seed: 42, requiresGrad: true });
 */
export const init = {
  /** A helper, not an initialiser: the fans an initialiser reads from a weight's shape. */
  fans,
  /** Initialiser: zeros. */
  zeros,
  /** Initialiser: ones. */
  ones,
  /** Initialiser: one value everywhere. */
  constant,
  /** Initialiser: normal samples. */
  normal,
  /** Initialiser: uniform samples. */
  uniform,
  /** Initialiser: Glorot/Xavier uniform. */
  glorotUniform,
  /** Initialiser: Glorot/Xavier normal. */
  glorotNormal,
  /** Initialiser: `glorotUniform` under PyTorch's name. */
  xavierUniform: glorotUniform,
  /** Initialiser: `glorotNormal` under PyTorch's name. */
  xavierNormal: glorotNormal,
  /** Initialiser: He/Kaiming uniform. */
  heUniform,
  /** Initialiser: He/Kaiming normal. */
  heNormal,
  /** Initialiser: `heUniform` under PyTorch's name. */
  kaimingUniform: heUniform,
  /** Initialiser: `heNormal` under PyTorch's name. */
  kaimingNormal: heNormal,
} as const;

const byName: Record<InitName, Initializer> = {
  zeros,
  ones,
  normal,
  uniform,
  glorotUniform,
  glorotNormal,
  xavierUniform: glorotUniform,
  xavierNormal: glorotNormal,
  heUniform,
  heNormal,
  kaimingUniform: heUniform,
  kaimingNormal: heNormal,
};

/** The initialiser `spec` names (or `spec` itself when it is a function). */
export function resolveInit(spec: InitName | Initializer, where: string): Initializer {
  if (typeof spec === 'function') return spec;
  if (typeof spec === 'string' && Object.hasOwn(byName, spec)) return byName[spec];
  throw new ArgumentError(
    `${where}: unknown initialiser ${excerpt(spec)}; expected a function or one of ${Object.keys(byName).join(', ')}`,
  );
}
