import type { Tensor } from '../autograd/index.js';
import type { Conv2dGeometry } from '../backend/index.js';
import { ArgumentError, formatShape, ShapeError } from '../core/index.js';

/** A size per spatial axis: one number for both, or [rows, columns]. */
export type Size2d = number | readonly [number, number];

/**
 * Zero padding of a convolution: one number for every side, [rows, columns] (each on both
 * sides), [[top, bottom], [left, right]], `'valid'` (none) or `'same'` (output as large as the
 * input, stride 1 only; an odd total puts the extra row and column at the bottom and right, as
 * PyTorch and TensorFlow do).
 */
export type Padding2d =
  | number
  | readonly [number, number]
  | readonly [readonly [number, number], readonly [number, number]]
  | 'valid'
  | 'same';

/** Options of `conv2d`. */
export interface Conv2dOptions {
  /** Added to each output channel: shape [O]. */
  bias?: Tensor | null;
  /** Step of the window. Default 1. */
  stride?: Size2d;
  /** Default 0. */
  padding?: Padding2d;
  /** Spacing of the kernel's taps. Default 1. */
  dilation?: Size2d;
  /** Channel groups: input and output channels are split into `groups` independent convolutions. Default 1. */
  groups?: number;
}

/** A pair of integers ≥ `min` from a number or a pair; an ArgumentError naming `op` and `arg` otherwise. */
export function pair(v: unknown, min: number, op: string, arg: string): [number, number] {
  const list = typeof v === 'number' ? [v, v] : v;
  if (
    !Array.isArray(list) ||
    list.length !== 2 ||
    !list.every((d) => Number.isInteger(d) && d >= min)
  ) {
    throw new ArgumentError(
      `${op}: ${arg} must be an integer ≥ ${min} or a pair of them, got ${JSON.stringify(v)}`,
    );
  }
  return [list[0], list[1]];
}

/** Checks that `shape` is NCHW-like: `rank` dims, and names them in the error. */
export function expectRank(shape: readonly number[], rank: number, op: string, what: string): void {
  if (shape.length !== rank) {
    const dims = rank === 4 ? ' [N,C,H,W]' : '';
    throw new ShapeError(`${op}: ${what} must have ${rank} dims${dims}, got ${formatShape(shape)}`);
  }
}

/** [[top, bottom], [left, right]] from a `Padding2d` (`'same'` resolved for the dilated kernel). */
export function resolvePadding(
  padding: unknown,
  kernel: readonly [number, number],
  dilation: readonly [number, number],
  stride: readonly [number, number],
  op: string,
): [[number, number], [number, number]] {
  if (padding === 'valid')
    return [
      [0, 0],
      [0, 0],
    ];
  if (padding === 'same') {
    if (stride[0] !== 1 || stride[1] !== 1) {
      throw new ArgumentError(
        `${op}: padding 'same' needs stride 1, got stride ${formatShape(stride)}`,
      );
    }
    return [0, 1].map((a) => {
      const total = dilation[a] * (kernel[a] - 1);
      return [Math.floor(total / 2), total - Math.floor(total / 2)];
    }) as [[number, number], [number, number]];
  }
  if (Array.isArray(padding) && padding.length === 2 && padding.every(Array.isArray)) {
    return [pair(padding[0], 0, op, 'padding'), pair(padding[1], 0, op, 'padding')];
  }
  if (typeof padding === 'string') {
    throw new ArgumentError(
      `${op}: padding must be a number, a pair, [[top, bottom], [left, right]], 'valid' or 'same', got ${JSON.stringify(padding)}`,
    );
  }
  const [ph, pw] = pair(padding, 0, op, 'padding');
  return [
    [ph, ph],
    [pw, pw],
  ];
}

/** Output size of a window: ⌊(size + pads − dilation·(k − 1) − 1) / stride⌋ + 1. */
export function outputSize(size: number, pads: number, k: number, d: number, s: number): number {
  return Math.floor((size + pads - d * (k - 1) - 1) / s) + 1;
}

/**
 * The geometry of `conv2d(x, weight, options)`, with every check and its error: x [N,C,H,W],
 * weight [O, C/groups, kh, kw], bias [O].
 */
export function conv2dGeometry(
  xShape: readonly number[],
  wShape: readonly number[],
  options: Conv2dOptions,
  op = 'conv2d',
): Conv2dGeometry {
  expectRank(xShape, 4, op, 'input');
  if (wShape.length !== 4) {
    throw new ShapeError(
      `${op}: weight must have 4 dims [O,C/groups,kH,kW], got ${formatShape(wShape)}`,
    );
  }
  const groups = options.groups ?? 1;
  if (!Number.isInteger(groups) || groups < 1) {
    throw new ArgumentError(`${op}: groups must be a positive integer, got ${groups}`);
  }
  const [n, c, h, w] = xShape;
  const [o, cg, kh, kw] = wShape;
  if (c % groups !== 0 || o % groups !== 0) {
    throw new ShapeError(
      `${op}: groups = ${groups} must divide the input channels (${c}) and the output channels (${o})`,
    );
  }
  if (cg * groups !== c) {
    throw new ShapeError(
      `${op}: weight ${formatShape(wShape)} expects ${cg * groups} input channels (${cg} per group × ${groups} groups), got input ${formatShape(xShape)}`,
    );
  }
  if (kh < 1 || kw < 1 || o < 1) {
    throw new ShapeError(`${op}: weight must not be empty, got ${formatShape(wShape)}`);
  }
  const stride = pair(options.stride ?? 1, 1, op, 'stride');
  const dilation = pair(options.dilation ?? 1, 1, op, 'dilation');
  const [[pt, pb], [pl, pr]] = resolvePadding(options.padding ?? 0, [kh, kw], dilation, stride, op);
  const oh = outputSize(h, pt + pb, kh, dilation[0], stride[0]);
  const ow = outputSize(w, pl + pr, kw, dilation[1], stride[1]);
  if (oh < 1 || ow < 1) {
    throw new ShapeError(
      `${op}: the kernel ${kh}×${kw} (dilation ${dilation.join('×')}) is larger than the padded input ${h + pt + pb}×${w + pl + pr}`,
    );
  }
  return {
    n,
    c,
    h,
    w,
    o,
    groups,
    kh,
    kw,
    sh: stride[0],
    sw: stride[1],
    dh: dilation[0],
    dw: dilation[1],
    padTop: pt,
    padLeft: pl,
    oh,
    ow,
  };
}
