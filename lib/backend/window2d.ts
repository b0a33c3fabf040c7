/**
 * A 2-D sliding window over an NCHW input (N samples, C channels, H rows, W columns): kernel
 * kh×kw, stride sh×sw, padTop/padLeft zeros before the first row and column, an output of
 * oh×ow positions (the padding after the last row and column is what oh and ow imply).
 * Output position (oy, ox) reads input row oy·sh − padTop + i·dh, column ox·sw − padLeft + j·dw.
 */
export interface Window2d {
  /** Samples in the batch (N). */
  readonly n: number;
  /** Input channels (C). */
  readonly c: number;
  /** Input rows (H). */
  readonly h: number;
  /** Input columns (W). */
  readonly w: number;
  /** Kernel rows. */
  readonly kh: number;
  /** Kernel columns. */
  readonly kw: number;
  /** Stride between output rows, in input rows. */
  readonly sh: number;
  /** Stride between output columns, in input columns. */
  readonly sw: number;
  /** Dilation between kernel rows (1 for pooling). */
  readonly dh: number;
  /** Dilation between kernel columns (1 for pooling). */
  readonly dw: number;
  /** Zero rows padded before the first input row. */
  readonly padTop: number;
  /** Zero columns padded before the first input column. */
  readonly padLeft: number;
  /** Output rows. */
  readonly oh: number;
  /** Output columns. */
  readonly ow: number;
}

/**
 * A convolution's window: C input channels in `groups` groups, O output channels; the weight is
 * laid out [O, C/groups, kh, kw] (PyTorch's and ONNX's layout).
 */
export interface Conv2dGeometry extends Window2d {
  /** Output channels (O). */
  readonly o: number;
  /** Channel groups: each sees C/groups input channels and makes O/groups output channels. */
  readonly groups: number;
}

/** The range [lo, hi) of output positions whose tap at offset `k·d − pad` lands inside [0, size). */
export function validRange(
  size: number,
  outSize: number,
  stride: number,
  offset: number,
): [number, number] {
  // o·stride + offset ≥ 0  and  o·stride + offset ≤ size − 1
  const lo = offset >= 0 ? 0 : Math.ceil(-offset / stride);
  const hi = Math.floor((size - 1 - offset) / stride) + 1;
  return [Math.min(lo, outSize), Math.max(Math.min(hi, outSize), Math.min(lo, outSize))];
}
