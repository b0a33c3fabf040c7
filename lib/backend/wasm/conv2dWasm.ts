import type { TypedArray } from '../../core/index.js';
import type { Conv2dGeometry, Window2d } from '../window2d.js';
import type { WasmRuntime } from './WasmRuntime.js';

// The convolution and pooling kernels of scripts/wasm/assembly/conv.ts and pool.ts, run on a
// runtime's scratch: operands copied in, the result copied out. Each returns false where the
// kernel cannot run (then the caller runs the JS kernel).

type Float = Float32Array | Float64Array;

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

/** Bytes of the kernels' scratch for this geometry (asked of the kernels, who lay it out). */
function workBytes(rt: WasmRuntime, e: number, geom: Int32Array): number {
  let bytes = 0;
  rt.runWith([geom], [], 0, (k, [pg]) => {
    bytes = k.conv2dWorkBytes(e, pg);
  });
  return bytes;
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
  const geom = packGeometry(g);
  const work = workBytes(rt, x.BYTES_PER_ELEMENT, geom);
  return rt.runWith([x, w, b, geom], [y], work, (k, [px, pw, pb, pg, py], pwork) => {
    k[`conv2d${suffix(x)}`](px, pw, pb, py, pg, 0, 0, 0, g.n, 0, 0, pwork);
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
  const geom = packGeometry(g);
  const work = workBytes(rt, dy.BYTES_PER_ELEMENT, geom);
  return rt.runWith([dy, w, geom], [dx], work, (k, [pdy, pw, pg, pdx], pwork) => {
    k[`conv2dBackpropInput${suffix(dy)}`](pdy, pw, pdx, pg, 0, 0, 0, 0, g.n, 0, 0, pwork);
  });
}

/** dw = the adjoint of conv2d in the weight applied to dy. */
export function wasmConv2dBackpropFilter(
  rt: WasmRuntime,
  x: Float,
  dy: Float,
  dw: Float,
  g: Conv2dGeometry,
): boolean {
  const geom = packGeometry(g);
  const work = workBytes(rt, x.BYTES_PER_ELEMENT, geom);
  return rt.runWith([x, dy, geom], [dw], work, (k, [px, pdy, pg, pdw], pwork) => {
    k[`conv2dBackpropFilter${suffix(x)}`](px, pdy, pdw, pg, 0, 0, 0, 0, g.n, 0, 0, pwork);
  });
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
