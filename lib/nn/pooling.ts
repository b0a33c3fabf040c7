import type { Tensor } from '../autograd/index.js';
import { ArgumentError } from '../core/index.js';
import {
  type AvgPool2dOptions,
  avgPool2d,
  globalAvgPool2d,
  maxPool2d,
  type Pool2dOptions,
  poolWindow,
  type Size2d,
} from '../ops/index.js';
import { Module } from './Module.js';

/** The window as the op will see it, checked once (on a probe input large enough for it). */
function resolveWindow(kernelSize: Size2d, options: Pool2dOptions, where: string) {
  const g = poolWindow([1, 1, 1e6, 1e6], kernelSize, options, where);
  return {
    kernelSize: [g.kh, g.kw] as [number, number],
    stride: [g.sh, g.sw] as [number, number],
    padding: [g.padTop, g.padLeft] as [number, number],
  };
}

function expectInput(x: unknown, where: string): void {
  if ((x as Tensor)?.shape === undefined) {
    throw new ArgumentError(`${where}: input must be a Tensor, got ${typeof x}`);
  }
}

function windowText(m: { kernelSize: number[]; stride: number[]; padding: number[] }): string {
  const parts = [m.kernelSize.join('×')];
  if (m.stride[0] !== m.kernelSize[0] || m.stride[1] !== m.kernelSize[1])
    parts.push(`stride ${m.stride.join('×')}`);
  if (m.padding[0] !== 0 || m.padding[1] !== 0) parts.push(`padding ${m.padding.join('×')}`);
  return parts.join(', ');
}

/**
 * Max pooling as a layer (PyTorch's `nn.MaxPool2d`): the largest value of each window of NCHW
 * input; stride = kernel by default.
 *
 * @example new MaxPool2d(2).forward(x)  // [64, 16, 28, 28] → [64, 16, 14, 14]
 */
export class MaxPool2d extends Module {
  /** Height and width of a window. */
  readonly kernelSize: [number, number];
  /** Steps between windows, down and across (default: the kernel size). */
  readonly stride: [number, number];
  /** Padding above/below and left/right, which no window's maximum comes from. */
  readonly padding: [number, number];

  constructor(kernelSize: Size2d, options: Pool2dOptions = {}) {
    super();
    const w = resolveWindow(kernelSize, options ?? {}, 'MaxPool2d');
    this.kernelSize = w.kernelSize;
    this.stride = w.stride;
    this.padding = w.padding;
  }

  forward(x: Tensor): Tensor {
    expectInput(x, this.describe());
    return maxPool2d(x, this.kernelSize, { stride: this.stride, padding: this.padding });
  }

  override describe(): string {
    return `MaxPool2d(${windowText(this)})`;
  }
}

/**
 * Average pooling as a layer (PyTorch's `nn.AvgPool2d`): the mean of each window of NCHW
 * input; stride = kernel by default; padding counted as zeros unless `countIncludePad: false`.
 *
 * @example new AvgPool2d(2).forward(x)  // [64, 16, 28, 28] → [64, 16, 14, 14]
 */
export class AvgPool2d extends Module {
  /** Height and width of a window. */
  readonly kernelSize: [number, number];
  /** Steps between windows, down and across (default: the kernel size). */
  readonly stride: [number, number];
  /** Zero padding above/below and left/right. */
  readonly padding: [number, number];
  /** Whether the padded zeros count in a window's mean (PyTorch's default, true). */
  readonly countIncludePad: boolean;

  constructor(kernelSize: Size2d, options: AvgPool2dOptions = {}) {
    super();
    const o = options ?? {};
    const w = resolveWindow(kernelSize, o, 'AvgPool2d');
    this.kernelSize = w.kernelSize;
    this.stride = w.stride;
    this.padding = w.padding;
    if (o.countIncludePad !== undefined && typeof o.countIncludePad !== 'boolean') {
      throw new ArgumentError(
        `AvgPool2d: countIncludePad must be true or false, got ${JSON.stringify(o.countIncludePad)}`,
      );
    }
    this.countIncludePad = o.countIncludePad ?? true;
  }

  forward(x: Tensor): Tensor {
    expectInput(x, this.describe());
    return avgPool2d(x, this.kernelSize, {
      stride: this.stride,
      padding: this.padding,
      countIncludePad: this.countIncludePad,
    });
  }

  override describe(): string {
    const pad = this.countIncludePad ? '' : ', countIncludePad false';
    return `AvgPool2d(${windowText(this)}${pad})`;
  }
}

/**
 * Global average pooling as a layer: each channel's mean over H×W, [N, C, H, W] → [N, C, 1, 1]
 * (ONNX's GlobalAveragePool; follow it with `Flatten` for a linear head).
 */
export class GlobalAvgPool2d extends Module {
  forward(x: Tensor): Tensor {
    expectInput(x, 'GlobalAvgPool2d');
    return globalAvgPool2d(x);
  }
}
