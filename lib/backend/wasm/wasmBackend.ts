import type { Shape, TypedArray } from '../../core/index.js';
import type { Backend, BinaryOp, MatrixView, ReduceOp, UnaryOp } from '../Backend.js';
import { jsBackend } from '../jsBackend.js';
import { productDims } from '../matrixView.js';
import type { Conv2dGeometry, Window2d } from '../window2d.js';
import { BINARY_CODES, LAYOUT, REDUCE_CODES, TRANSCENDENTAL, UNARY_CODES } from './codes.js';
import {
  wasmConv2d,
  wasmConv2dBackpropFilter,
  wasmConv2dBackpropInput,
  wasmMaxPool2d,
} from './conv2dWasm.js';
import type { WasmInfo } from './WasmInfo.js';
import { WasmRuntime } from './WasmRuntime.js';

/**
 * Sizes below which the JS kernels win, because copying operands into WebAssembly memory and
 * out again costs more than the faster arithmetic saves (measured with bench/kernels.bench.ts).
 */
export const WASM_THRESHOLDS = {
  /** m·k·n of a matmul */
  matmul: 1500,
  /** elements of exp / sigmoid */
  transcendental: 128,
  /** elements of the other unary and binary ops on float32 */
  elementwise32: 512,
  /** elements of the other unary and binary ops on float64 (JS is close to memory speed there) */
  elementwise64: 2048,
  /** elements reduced */
  reduce: 1024,
  /** multiply-adds of a convolution (N·O·oh·ow·C/groups·kh·kw) */
  conv: 4096,
  /** elements pooled (N·C·H·W) */
  pool: 1024,
};

const RUNTIME_KEY = Symbol.for('rxgrad.wasmRuntime');
let runtime: WasmRuntime | null | undefined;
let pending: Promise<boolean> | undefined;

/**
 * The kernels' runtime, compiled on first use; null where the host has no WebAssembly SIMD, or
 * while it compiles in the background (where synchronous compiling is refused).
 * NOTE: one runtime (memory and workers) per process, even if several copies of this module are
 * loaded (as test runners do), keyed by the kernels' source hash.
 */
function getRuntime(): WasmRuntime | null {
  if (runtime !== undefined) return runtime;
  if (pending) return null;
  const g = globalThis as { [RUNTIME_KEY]?: Map<string, WasmRuntime | null> };
  const shared = (g[RUNTIME_KEY] ??= new Map());
  const adopt = (rt: WasmRuntime | null): WasmRuntime | null => {
    shared.set(WasmRuntime.sourceHash, rt);
    runtime = rt;
    return rt;
  };
  const known = shared.get(WasmRuntime.sourceHash);
  if (known !== undefined) return adopt(known);
  try {
    return adopt(WasmRuntime.create() ?? null);
  } catch {
    // NOTE: a page's main thread may refuse to compile synchronously: compile in the
    // background and run the JS kernels until it is done.
    pending = WasmRuntime.createAsync().then(
      (rt) => adopt(rt ?? null) !== null,
      () => adopt(null) !== null,
    );
    return null;
  }
}

/** Whether this host runs the WebAssembly backend (SIMD128 at least). */
export function wasmAvailable(): boolean {
  if (runtime !== undefined) return runtime !== null;
  return WasmRuntime.supported();
}

/**
 * Resolves once the WebAssembly kernels are compiled (true), or found unusable (false). Until
 * then every op runs on the JS kernels; awaiting this is only useful where the host compiles
 * in the background.
 */
export function wasmReady(): Promise<boolean> {
  return pending ?? Promise.resolve(getRuntime() !== null);
}

/** What the WebAssembly backend uses here, or null where it is unavailable. */
export function wasmInfo(): WasmInfo | null {
  const rt = getRuntime();
  if (!rt) return null;
  return { ...rt.info, threads: rt.threads, memoryBytes: rt.memoryBytes };
}

/**
 * Sets how many threads (the calling one included) a large matmul may use; 1 keeps the backend
 * single-threaded. Workers start on first need and never keep a Node process alive.
 */
export function setWasmThreads(threads: number): void {
  getRuntime()?.setThreads(threads);
}

/**
 * Makes the backend compare every resident copy of an operand with its array before using it,
 * and throw if they differ (a library bug: an array written after it was sealed). Internal: the
 * test suite runs with it on.
 */
export function verifyResidentCopies(on: boolean): void {
  getRuntime()?.setVerifyResidents(on);
}

/** Internal, for tests: operands served from resident copies, copies made, the area's bytes. */
export function residentStats(): { hits: number; copies: number; bytes: number } | null {
  return getRuntime()?.residentStats() ?? null;
}

/** Ends the backend's workers now (they are also ended with the process). */
export function terminateWasmWorkers(): void {
  getRuntime()?.terminate();
}

type Float = Float32Array | Float64Array;

function elementwiseMin(x: TypedArray): number {
  return x instanceof Float64Array ? WASM_THRESHOLDS.elementwise64 : WASM_THRESHOLDS.elementwise32;
}

function sameKind(a: TypedArray, b: TypedArray): boolean {
  return a.constructor === b.constructor;
}

function unary(op: UnaryOp, x: TypedArray, out: TypedArray, a = 0, b = 0): void {
  const code = UNARY_CODES[op];
  const min = TRANSCENDENTAL.has(op) ? WASM_THRESHOLDS.transcendental : elementwiseMin(x);
  const rt = code !== undefined && x.length >= min && sameKind(x, out) ? getRuntime() : null;
  if (!rt?.unary(code as number, x as Float, out as Float, a, b)) jsBackend.unary(op, x, out, a, b);
}

/** The layout of one operand of a broadcast binary op over an R×C output, or -1. */
function layoutOf(x: TypedArray, shape: Shape, n: number, r: number, c: number): number {
  if (x.length === n) return LAYOUT.full;
  if (x.length === 1) return LAYOUT.scalar;
  const last = shape[shape.length - 1];
  if (x.length === c && last === c) return LAYOUT.row;
  if (x.length === r && last === 1) return LAYOUT.col;
  return -1;
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
  const code = BINARY_CODES[op];
  const n = out.length;
  if (code !== undefined && n >= elementwiseMin(out) && sameKind(a, out) && sameKind(b, out)) {
    const c = outShape.length === 0 ? 1 : outShape[outShape.length - 1];
    const r = c === 0 ? 0 : n / c;
    const la = layoutOf(a, aShape, n, r, c);
    const lb = layoutOf(b, bShape, n, r, c);
    const rt = la >= 0 && lb >= 0 ? getRuntime() : null;
    if (rt?.binary(code, a as Float, la, b as Float, lb, out as Float, r, c)) return;
  }
  jsBackend.binary(op, a, aShape, b, bShape, out, outShape);
}

function reduce(
  op: ReduceOp,
  x: TypedArray,
  shape: Shape,
  axes: readonly number[],
  out: TypedArray,
): void {
  const code = REDUCE_CODES[op];
  const contiguous = axes.length > 0 && axes.every((ax, i) => ax === axes[0] + i);
  if (code !== undefined && contiguous && x.length >= WASM_THRESHOLDS.reduce && sameKind(x, out)) {
    const first = axes[0];
    const last = axes[axes.length - 1];
    let outer = 1;
    let mid = 1;
    let inner = 1;
    shape.forEach((d, i) => {
      if (i < first) outer *= d;
      else if (i <= last) mid *= d;
      else inner *= d;
    });
    if (getRuntime()?.reduce(code, x as Float, out as Float, outer, mid, inner)) return;
  }
  jsBackend.reduce(op, x, shape, axes, out);
}

function matmul(a: MatrixView, b: MatrixView, out: TypedArray): void {
  const dims = productDims(a, b, out);
  const { m, k, n } = dims;
  const big = m * k * n >= WASM_THRESHOLDS.matmul && m > 0 && n > 0;
  const rt = big && sameKind(a.data, out) && sameKind(b.data, out) ? getRuntime() : null;
  if (rt?.matmul(a, b, out as Float, dims)) return;
  jsBackend.matmul(a, b, out);
}

/** Multiply-adds of a convolution of this geometry. */
function convMacs(g: Conv2dGeometry): number {
  return g.n * g.o * g.oh * g.ow * (g.c / g.groups) * g.kh * g.kw;
}

/** The runtime, if every array is of one float kind and the work is large enough to pay for the copies. */
function convRuntime(min: number, size: number, ...xs: (TypedArray | null)[]): WasmRuntime | null {
  const first = xs[0]!;
  return size >= min && xs.every((x) => x === null || sameKind(x, first)) ? getRuntime() : null;
}

function conv2d(
  x: TypedArray,
  weight: TypedArray,
  bias: TypedArray | null,
  y: TypedArray,
  g: Conv2dGeometry,
): void {
  const rt = convRuntime(WASM_THRESHOLDS.conv, convMacs(g), x, weight, bias, y);
  if (rt && wasmConv2d(rt, x as Float, weight as Float, bias as Float | null, y as Float, g))
    return;
  jsBackend.conv2d(x, weight, bias, y, g);
}

function conv2dBackpropInput(
  dy: TypedArray,
  weight: TypedArray,
  dx: TypedArray,
  g: Conv2dGeometry,
): void {
  const rt = convRuntime(WASM_THRESHOLDS.conv, convMacs(g), dy, weight, dx);
  if (rt && wasmConv2dBackpropInput(rt, dy as Float, weight as Float, dx as Float, g)) return;
  jsBackend.conv2dBackpropInput(dy, weight, dx, g);
}

function conv2dBackpropFilter(
  x: TypedArray,
  dy: TypedArray,
  dw: TypedArray,
  g: Conv2dGeometry,
): void {
  const rt = convRuntime(WASM_THRESHOLDS.conv, convMacs(g), x, dy, dw);
  if (rt && wasmConv2dBackpropFilter(rt, x as Float, dy as Float, dw as Float, g)) return;
  jsBackend.conv2dBackpropFilter(x, dy, dw, g);
}

function maxPool2d(x: TypedArray, y: TypedArray, indices: Int32Array, g: Window2d): void {
  const rt = convRuntime(WASM_THRESHOLDS.pool, x.length, x, y);
  if (rt && wasmMaxPool2d(rt, x as Float, y as Float, indices, g)) return;
  jsBackend.maxPool2d(x, y, indices, g);
}

/**
 * WebAssembly SIMD kernels (relaxed-SIMD fused multiply-add where the host has it) for matmul in
 * every layout, the common elementwise ops and reductions, convolution (im2col + matmul) and
 * max pooling, with a second core for large
 * products. Whatever it does not implement, and operands too small to pay for the copy into
 * WebAssembly memory, run on the JS kernels; results agree with them up to rounding.
 */
// NOTE: `update` (the optimisers' rules, lib/backend/updateKernels.ts) is the JS kernels': the
// parameters live in JS arrays, and copying them in and out would cost what the loops do.
export const wasmBackend: Backend = {
  ...jsBackend,
  name: 'wasm',
  unary,
  binary,
  reduce,
  matmul,
  conv2d,
  conv2dBackpropInput,
  conv2dBackpropFilter,
  maxPool2d,
};
