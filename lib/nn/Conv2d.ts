import type { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  checkDType,
  type DType,
  formatShape,
  type Random,
  ShapeError,
} from '../core/index.js';
import { conv2d, conv2dGeometry, type Padding2d, type Size2d } from '../ops/index.js';
import { resolveRng, uniform } from './init.js';
import { Module } from './Module.js';

/** Options of the `Conv2d` layer. */
export interface Conv2dLayerOptions {
  /** Step of the window. Default 1. */
  stride?: Size2d;
  /** Zero padding: a number, [rows, columns], [[top, bottom], [left, right]], 'valid' or 'same'. Default 0. */
  padding?: Padding2d;
  /** Spacing of the kernel's taps. Default 1. */
  dilation?: Size2d;
  /** Channel groups (inChannels and outChannels must be multiples). Default 1. */
  groups?: number;
  /** Add a learnable bias per output channel. Default true. */
  bias?: boolean;
  /** dtype of the parameters. Default `'float64'`. */
  dtype?: DType;
  /** Seed of the initial weights (default 0); give each layer its own seed, or share an `rng`. */
  seed?: number;
  /** Draw the weights from this generator (its state advances). */
  rng?: Random;
}

function pairOf(v: Size2d): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

function positive(n: number, arg: string): number {
  if (!Number.isInteger(n) || n <= 0) {
    throw new ArgumentError(`Conv2d: ${arg} must be a positive integer, got ${n}`);
  }
  return n;
}

/**
 * A 2-D convolution layer over NCHW input, as PyTorch's `nn.Conv2d`: weight
 * [outChannels, inChannels/groups, kH, kW] and bias [outChannels], y = conv2d(x, weight, bias).
 * Initialised as PyTorch does by default: weight and bias uniform in ±1/√fanIn, fanIn =
 * inChannels/groups·kH·kW (its kaiming_uniform with a = √5), the weight drawn first, then the
 * bias, from one seeded generator.
 *
 * @example
 * const conv = new Conv2d(1, 16, 3, { padding: 1, seed: 1 });
 * conv.forward(x);  // [64, 1, 28, 28] → [64, 16, 28, 28]
 */
export class Conv2d extends Module {
  /** Channels of the input (C of NCHW). */
  readonly inChannels: number;
  /** Channels of the output: the number of filters. */
  readonly outChannels: number;
  /** Height and width of a filter. */
  readonly kernelSize: [number, number];
  /** Steps between windows, down and across. */
  readonly stride: [number, number];
  /** Zero padding: a number, [rows, columns], [[top, bottom], [left, right]], `'valid'` or `'same'`. */
  readonly padding: Padding2d;
  /** Spacing between a filter's taps, down and across (1: adjacent pixels). */
  readonly dilation: [number, number];
  /** Channel groups: each output channel sees inChannels / groups input channels. */
  readonly groups: number;
  /** [outChannels, inChannels/groups, kH, kW]. */
  readonly weight: Tensor;
  /** [outChannels], or null without bias. */
  readonly bias: Tensor | null;

  constructor(
    inChannels: number,
    outChannels: number,
    kernelSize: Size2d,
    options: Conv2dLayerOptions = {},
  ) {
    super();
    this.inChannels = positive(inChannels, 'inChannels');
    this.outChannels = positive(outChannels, 'outChannels');
    const o = options ?? {};
    this.groups = o.groups ?? 1;
    this.padding = o.padding ?? 0;
    // every option checked once, as the op will see it, on a probe input of the right channels
    const [kh, kw] = pairOf(kernelSize);
    const probe = conv2dGeometry(
      [1, inChannels, 1e6, 1e6],
      [outChannels, inChannels / this.groups, kh, kw],
      { stride: o.stride, dilation: o.dilation, padding: this.padding, groups: this.groups },
      'Conv2d',
    );
    this.kernelSize = [probe.kh, probe.kw];
    this.stride = [probe.sh, probe.sw];
    this.dilation = [probe.dh, probe.dw];
    const dtype = checkDType(o.dtype ?? 'float64', 'Conv2d');
    const rng = resolveRng(o, 'Conv2d');
    const fanIn = (inChannels / this.groups) * kh * kw;
    const bound = 1 / Math.sqrt(fanIn);
    const draw = (shape: number[]) =>
      uniform(shape, { low: -bound, high: bound, rng, dtype, requiresGrad: true });
    this.weight = draw([outChannels, inChannels / this.groups, kh, kw]);
    this.bias = o.bias === false ? null : draw([outChannels]);
  }

  /** conv2d(x, weight, bias) with this layer's stride, padding, dilation and groups; x is [N, inChannels, H, W]. */
  forward(x: Tensor): Tensor {
    if (x?.shape === undefined) {
      throw new ArgumentError(`${this.describe()}: input must be a Tensor, got ${typeof x}`);
    }
    if (x.rank !== 4 || x.shape[1] !== this.inChannels) {
      throw new ShapeError(
        `${this.describe()}: expected input [N, ${this.inChannels}, H, W], got shape ${formatShape(x.shape)}`,
      );
    }
    return conv2d(x, this.weight, {
      bias: this.bias,
      stride: this.stride,
      padding: this.padding,
      dilation: this.dilation,
      groups: this.groups,
    });
  }

  override describe(): string {
    const [kh, kw] = this.kernelSize;
    const extra = [`${kh}×${kw}`];
    if (this.stride[0] !== 1 || this.stride[1] !== 1) extra.push(`stride ${this.stride.join('×')}`);
    if (this.padding !== 0) extra.push(`padding ${JSON.stringify(this.padding)}`);
    if (this.dilation[0] !== 1 || this.dilation[1] !== 1)
      extra.push(`dilation ${this.dilation.join('×')}`);
    if (this.groups !== 1) extra.push(`groups ${this.groups}`);
    if (!this.bias) extra.push('no bias');
    if (this.weight.dtype !== 'float64') extra.push(this.weight.dtype);
    return `Conv2d(${this.inChannels} → ${this.outChannels}, ${extra.join(', ')})`;
  }
}
