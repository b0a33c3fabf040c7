import type { TypedArray } from '../../core/index.js';
import type { Conv2dGeometry, Window2d } from '../window2d.js';
import { JOB_FN } from './control.js';
import type { PartRange } from './ThreadPool.js';
import { type KernelFn, PARALLEL_MIN_MACS, type WasmRuntime } from './WasmRuntime.js';

// The convolution and pooling kernels of scripts/wasm/assembly/conv.ts and pool.ts, run on a
// runtime's scratch: operands copied in, the result copied out. A large convolution is split
// into ranges of samples that the runtime's threads share. Each returns false where the kernel
// cannot run (then the caller runs the JS kernel).

type Float = Float32Array | Float64Array;

/** Sample ranges of a large convolution. */
const PARTS = 8;

/** The 16 i32 the kernels read, in their order (conv.ts: N C H W O GROUPS KH KW SH SW DH DW PT PL OH OW). */
function packGeometry(g: Window2d & Partial<Conv2dGeometry>): Int32Array {
  return Int32Array.of(
    g.n,
    g.c,
    g.h,
    g.w,
    g.o ?? g.c,
    g.groups ?? g.c,
    g.kh,
    g.kw,
    g.sh,
    g.sw,
    g.dh,
    g.dw,
    g.padTop,
    g.padLeft,
    g.oh,
    g.ow,
  );
}

function suffix(x: TypedArray): 'F64' | 'F32' {
  return x instanceof Float64Array ? 'F64' : 'F32';
}

/** How a convolution is cut: its geometry for the kernels, threads, sample ranges, scratch per thread. */
interface Plan {
  geom: Int32Array;
  threads: number;
  parts: PartRange[];
  workBytes: number;
}

function plan(rt: WasmRuntime, g: Conv2dGeometry, elementBytes: number): Plan {
  const geom = packGeometry(g);
  let workBytes = 0;
  rt.runWith([geom], [], 0, (k, [pg]) => {
    workBytes = (k.conv2dWorkBytes(elementBytes, pg) + 63) & ~63;
  });
  const macs = g.n * g.o * g.oh * g.ow * (g.c / g.groups) * g.kh * g.kw;
  const threads = Math.min(rt.threadsFor(macs), g.n);
  // NOTE: the ranges depend on the geometry alone, never on the threads: a filter gradient sums
  // its ranges' parts in a fixed order, so results are the same on every host. Eight ranges
  // keep up to four threads busy, a thread the OS holds back delaying the job by one range.
  const count = macs >= PARALLEL_MIN_MACS ? Math.min(g.n, PARTS) : 1;
  const parts: PartRange[] = [];
  for (let p = 0; p < count; p++) {
    parts.push([Math.floor((p * g.n) / count), Math.floor(((p + 1) * g.n) / count), p, 0]);
  }
  return { geom, threads, parts, workBytes };
}

/** Runs the plan's parts of kernel `name` (and its worker-table entry) with `args` (7 numbers). */
function run(
  rt: WasmRuntime,
  k: Record<string, KernelFn>,
  name: keyof typeof JOB_FN,
  args: number[],
  p: Plan,
  work: number,
): void {
  const buffers = Array.from({ length: p.threads }, (_, t) => work + t * p.workBytes);
  rt.runParts(JOB_FN[name], k[name], args, p.parts, buffers);
}

/** y = x ⋆ w (+ b); false if the runtime cannot hold it. */
export function wasmConv2d(
  rt: WasmRuntime,
  x: Float,
  w: Float,
  b: Float | null,
  y: Float,
  g: Conv2dGeometry,
): boolean {
  const p = plan(rt, g, x.BYTES_PER_ELEMENT);
  return rt.runWith([x, w, b, p.geom], [y], p.workBytes * p.threads, (k, ptr, work) => {
    const [px, pw, pb, pg, py] = ptr;
    run(rt, k, `conv2d${suffix(x)}`, [px, pw, pb, py, pg, 0, 0], p, work);
  });
}

/** dx = the adjoint of conv2d in x applied to dy. */
export function wasmConv2dBackpropInput(
  rt: WasmRuntime,
  dy: Float,
  w: Float,
  dx: Float,
  g: Conv2dGeometry,
): boolean {
  const p = plan(rt, g, dy.BYTES_PER_ELEMENT);
  return rt.runWith([dy, w, p.geom], [dx], p.workBytes * p.threads, (k, ptr, work) => {
    const [pdy, pw, pg, pdx] = ptr;
    run(rt, k, `conv2dBackpropInput${suffix(dy)}`, [pdy, pw, pdx, pg, 0, 0, 0], p, work);
  });
}

/** dw = the adjoint of conv2d in the weight applied to dy: one dw per part, then their sum. */
export function wasmConv2dBackpropFilter(
  rt: WasmRuntime,
  x: Float,
  dy: Float,
  dw: Float,
  g: Conv2dGeometry,
): boolean {
  const p = plan(rt, g, x.BYTES_PER_ELEMENT);
  const slots = new (dw.constructor as Float64ArrayConstructor)(dw.length * p.parts.length);
  const done = rt.runWith([x, dy, p.geom], [slots], p.workBytes * p.threads, (k, ptr, work) => {
    const [px, pdy, pg, pdw] = ptr;
    run(rt, k, `conv2dBackpropFilter${suffix(x)}`, [px, pdy, pdw, pg, 0, 0, 0], p, work);
  });
  if (!done) return false;
  dw.set(slots.subarray(0, dw.length));
  for (let s = 1; s < p.parts.length; s++) {
    const from = s * dw.length;
    for (let i = 0; i < dw.length; i++) dw[i] += slots[from + i];
  }
  return true;
}

/** Each pooling window's maximum and its flat index into x. */
export function wasmMaxPool2d(
  rt: WasmRuntime,
  x: Float,
  y: Float,
  indices: Int32Array,
  g: Window2d,
): boolean {
  return rt.runWith([x, packGeometry(g)], [y, indices], 0, (k, [px, pg, py, pi]) => {
    k[`maxPool2d${suffix(x)}`](px, py, pi, pg);
  });
}
