import { type Shape, stridesOf, type TypedArray } from '../core/index.js';
import type { Backend, BinaryOp, MatrixView, ReduceOp, UnaryOp } from './Backend.js';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput } from './conv2dKernels.js';
import { BINARY_KERNELS, UNARY_KERNELS } from './elementwiseKernels.js';
import { productDims } from './matrixView.js';
import { matvec } from './matvec.js';
import { binaryMiddle, middleBlock, reduceToMiddle } from './middleAxes.js';
import { maxPool2d } from './pool2dKernels.js';
import { applyUpdate } from './updateKernels.js';

function unary(op: UnaryOp, x: TypedArray, out: TypedArray, a = 0, b = 0): void {
  UNARY_KERNELS[op].loop(x, out, a, b);
}

/** Strides of `shape` seen from a broadcast `outShape`: 0 where the dimension stretches. */
function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const own = stridesOf(shape);
  const offset = outShape.length - shape.length;
  return outShape.map((_, i) => {
    const j = i - offset;
    return j < 0 || shape[j] === 1 ? 0 : own[j];
  });
}

function binary(
  op: BinaryOp,
  a: TypedArray,
  aShape: Shape,
  b: TypedArray,
  bShape: Shape,
  out: TypedArray,
  outShape: Shape,
): void {
  const n = out.length;
  const loop = BINARY_KERNELS[op].loop;
  const fullA = a.length === n;
  const fullB = b.length === n;
  if ((fullA || a.length === 1) && (fullB || b.length === 1)) {
    loop(a, 0, fullA ? 1 : 0, b, 0, fullB ? 1 : 0, out, 0, n);
    return;
  }
  // Row broadcast, the bias add: a is [..., m] full, b has m elements (or the reverse).
  const m = outShape[outShape.length - 1] ?? 1;
  if (fullA && b.length === m && bShape[bShape.length - 1] === m) {
    for (let r = 0; r < n; r += m) loop(a, r, 1, b, 0, 1, out, r, m);
    return;
  }
  if (fullB && a.length === m && aShape[aShape.length - 1] === m) {
    for (let r = 0; r < n; r += m) loop(a, 0, 1, b, r, 1, out, r, m);
    return;
  }
  // A per-channel operand against a full one or a scalar (a broadcast copy is x + 0).
  const bigA = fullA || a.length === 1;
  const middle = bigA ? middleBlock(bShape, outShape) : middleBlock(aShape, outShape);
  if (middle && (bigA || fullB || b.length === 1)) {
    binaryMiddle(loop, a, b, out, !bigA, middle);
    return;
  }
  // The general broadcast: one run of the loop along the last axis (where each operand's
  // stride is 0 or 1) per row of the output.
  const rank = outShape.length;
  const sa = broadcastStrides(aShape, outShape);
  const sb = broadcastStrides(bShape, outShape);
  const idx = new Array<number>(rank).fill(0);
  let ia = 0;
  let ib = 0;
  for (let o = 0; o < n; o += m) {
    loop(a, ia, sa[rank - 1], b, ib, sb[rank - 1], out, o, m);
    for (let d = rank - 2; d >= 0; d--) {
      idx[d]++;
      ia += sa[d];
      ib += sb[d];
      if (idx[d] < outShape[d]) break;
      ia -= sa[d] * outShape[d];
      ib -= sb[d] * outShape[d];
      idx[d] = 0;
    }
  }
}

function reduce(
  op: ReduceOp,
  x: TypedArray,
  shape: Shape,
  axes: readonly number[],
  out: TypedArray,
): void {
  const init =
    op === 'sum' ? 0 : op === 'max' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  out.fill(init);
  if (x.length === 0) return;
  const rank = shape.length;
  // Fast paths: each output a contiguous run of `run` inputs, when the reduced axes are the
  // trailing ones (`literal`), or are once kept axes of size 1 are left aside (a [n, 1] → [1]
  // sum). NOTE: the second sums into `out` itself, rounding each partial sum to its dtype, as
  // the general loop below does (bit for bit the results it always gave).
  let contiguous = true;
  let literal = true;
  let run = 1;
  for (let i = rank - 1, j = axes.length - 1; i >= 0; i--) {
    if (j >= 0 && axes[j] === i) {
      run *= shape[i];
      j--;
    } else if (j >= 0) {
      literal = false;
      if (shape[i] !== 1) contiguous = false;
    }
  }
  if (contiguous && !literal && op === 'sum') {
    for (let o = 0, i = 0; o < out.length; o++) {
      const end = i + run;
      for (; i < end; i++) out[o] += x[i];
    }
    return;
  }
  if (contiguous) {
    for (let o = 0, i = 0; o < out.length; o++) {
      let acc = init;
      const end = i + run;
      if (op === 'sum') for (; i < end; i++) acc += x[i];
      else if (op === 'max')
        for (; i < end; i++) acc = x[i] > acc || Number.isNaN(x[i]) ? x[i] : acc;
      else for (; i < end; i++) acc = x[i] < acc || Number.isNaN(x[i]) ? x[i] : acc;
      out[o] = acc;
    }
    return;
  }
  const reduced = new Set(axes);
  const keptShape = shape.map((d, i) => (reduced.has(i) ? 1 : d));
  const outStrides = broadcastStrides(keptShape, shape);
  // Reducing all but a contiguous block of axes (per-channel statistics): along rows of the inner axes.
  const middle = middleBlock(keptShape, shape);
  if (middle && out.length === middle[1]) {
    reduceToMiddle(op, x, out, middle);
    return;
  }
  const idx = new Array<number>(rank).fill(0);
  let o = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (op === 'sum') out[o] += v;
    else if (op === 'max') {
      if (v > out[o] || Number.isNaN(v)) out[o] = v;
    } else if (v < out[o] || Number.isNaN(v)) out[o] = v;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      o += outStrides[d];
      if (idx[d] < shape[d]) break;
      o -= outStrides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

function matmul(av: MatrixView, bv: MatrixView, out: TypedArray): void {
  const { m, k, n } = productDims(av, bv, out);
  const a = av.data;
  const b = bv.data;
  const transA = av.transposed;
  if (n === 1) {
    matvec(a, b, out, m, k, transA);
    return;
  }
  out.fill(0);
  if (!bv.transposed) {
    // out[i,:] += A[i,p] · B[p,:]: rows of B and of out are read contiguously.
    for (let i = 0; i < m; i++) {
      const oRow = i * n;
      for (let p = 0; p < k; p++) {
        const aip = transA ? a[p * m + i] : a[i * k + p];
        const bRow = p * n;
        for (let j = 0; j < n; j++) out[oRow + j] += aip * b[bRow + j];
      }
    }
    return;
  }
  // out[i,j] = A[i,:] · B[j,:]: a dot product of two contiguous rows (when A is not transposed).
  for (let i = 0; i < m; i++) {
    const oRow = i * n;
    for (let j = 0; j < n; j++) {
      const bRow = j * k;
      let acc = 0;
      if (transA) for (let p = 0; p < k; p++) acc += a[p * m + i] * b[bRow + p];
      else {
        const aRow = i * k;
        for (let p = 0; p < k; p++) acc += a[aRow + p] * b[bRow + p];
      }
      out[oRow + j] = acc;
    }
  }
}

function transpose(x: TypedArray, shape: Shape, perm: readonly number[], out: TypedArray): void {
  const rank = shape.length;
  const inStrides = stridesOf(shape);
  const outShape = perm.map((p) => shape[p]);
  const step = perm.map((p) => inStrides[p]);
  if (rank === 2 && perm[0] === 1) {
    const [r, c] = shape;
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = x[i * c + j];
    return;
  }
  const idx = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = x[src];
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      src += step[d];
      if (idx[d] < outShape[d]) break;
      src -= step[d] * outShape[d];
      idx[d] = 0;
    }
  }
}

/** The portable plain-TypeScript kernels: correct everywhere, the reference for faster backends. */
export const jsBackend: Backend = {
  name: 'js',
  unary,
  binary,
  reduce,
  matmul,
  transpose,
  conv2d,
  conv2dBackpropInput,
  conv2dBackpropFilter,
  maxPool2d,
  update: applyUpdate,
};
