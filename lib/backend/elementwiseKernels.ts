import type { TypedArray } from '../core/index.js';
import type { BinaryOp, UnaryOp } from './Backend.js';
import { erf, gelu } from './erf.js';

/**
 * One elementwise function of one array: its JS loop, which is the formula (written once, here),
 * and the op code of its WebAssembly kernel where it has one (scripts/wasm/assembly/unary.ts
 * dispatches on it; spec/backend/wasm/wasmBackend.spec.ts checks every coded op against the loop).
 */
export interface UnaryKernel {
  /** out[i] = f(x[i]) for every i, with the op's parameters a and b. */
  readonly loop: (x: TypedArray, out: TypedArray, a: number, b: number) => void;
  /** The WebAssembly op code, if any. */
  readonly wasm?: number;
  /** Mostly arithmetic per element (exp, log, ...): WebAssembly pays from a smaller size. */
  readonly transcendental?: true;
}

/** One elementwise function of two arrays, as UnaryKernel (scripts/wasm/assembly/binary.ts). */
export interface BinaryKernel {
  /**
   * out[o + i] = f(a[ia + i·sa], b[ib + i·sb]) for i < n, where a stride is 1 (along the operand)
   * or 0 (one value repeated): the same-shape, scalar and row cases of a broadcast.
   */
  readonly loop: (
    a: TypedArray,
    ia: number,
    sa: number,
    b: TypedArray,
    ib: number,
    sb: number,
    out: TypedArray,
    o: number,
    n: number,
  ) => void;
  readonly wasm?: number;
}

// NOTE: one written-out loop per op. Calling the op through a function inside a shared loop
// makes that call site megamorphic: 3–10 µs for 455 elements instead of about 1 µs.

/** The unary kernels: the one place each formula lives. */
export const UNARY_KERNELS: Record<UnaryOp, UnaryKernel> = {
  copy: { loop: (x, out) => out.set(x) },
  neg: {
    wasm: 0,
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = -x[i];
    },
  },
  abs: {
    wasm: 1,
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = Math.abs(x[i]);
    },
  },
  square: {
    wasm: 2,
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = x[i] * x[i];
    },
  },
  sqrt: {
    wasm: 3,
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = Math.sqrt(x[i]);
    },
  },
  // NOTE: NaN propagates: relu(NaN) = NaN and relu(−0) = −0 (as PyTorch), and the derivative
  // step(NaN) = NaN.
  relu: {
    wasm: 4,
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = x[i] < 0 ? 0 : x[i];
    },
  },
  step: {
    wasm: 5,
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        out[i] = v > 0 ? 1 : v <= 0 ? 0 : v;
      }
    },
  },
  affine: {
    wasm: 6,
    loop: (x, out, a, b) => {
      for (let i = 0; i < x.length; i++) out[i] = a * x[i] + b;
    },
  },
  exp: {
    wasm: 7,
    transcendental: true,
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]);
    },
  },
  // NOTE: exp of a large positive number overflows; evaluate on the side where exp(−|x|) ≤ 1.
  sigmoid: {
    wasm: 8,
    transcendental: true,
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (v >= 0) out[i] = 1 / (1 + Math.exp(-v));
        else {
          const e = Math.exp(v);
          out[i] = e / (1 + e);
        }
      }
    },
  },
  leakyRelu: {
    wasm: 9,
    loop: (x, out, a) => {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        out[i] = v > 0 ? v : a * v;
      }
    },
  },
  tanh: {
    wasm: 10,
    transcendental: true,
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]);
    },
  },
  log: {
    wasm: 11,
    transcendental: true,
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = Math.log(x[i]);
    },
  },
  sign: {
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = Math.sign(x[i]);
    },
  },
  // NOTE: log(1 + e^x) overflows for large x; max(x, 0) + log1p(e^−|x|) does not.
  softplus: {
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        out[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
      }
    },
  },
  erf: {
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = erf(x[i]);
    },
  },
  gelu: {
    loop: (x, out) => {
      for (let i = 0; i < x.length; i++) out[i] = gelu(x[i]);
    },
  },
  powScalar: {
    loop: (x, out, a) => {
      for (let i = 0; i < x.length; i++) out[i] = x[i] ** a;
    },
  },
  clip: {
    loop: (x, out, a, b) => {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        out[i] = v < a ? a : v > b ? b : v;
      }
    },
  },
};

/** The binary kernels: the one place each formula lives. */
export const BINARY_KERNELS: Record<BinaryOp, BinaryKernel> = {
  add: {
    wasm: 0,
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] + b[ib + i * sb];
    },
  },
  sub: {
    wasm: 1,
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] - b[ib + i * sb];
    },
  },
  mul: {
    wasm: 2,
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] * b[ib + i * sb];
    },
  },
  div: {
    wasm: 3,
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] / b[ib + i * sb];
    },
  },
  maximum: {
    wasm: 4,
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      for (let i = 0; i < n; i++) {
        const x = a[ia + i * sa];
        const y = b[ib + i * sb];
        out[o + i] = x >= y || Number.isNaN(x) ? x : y;
      }
    },
  },
  minimum: {
    wasm: 5,
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      for (let i = 0; i < n; i++) {
        const x = a[ia + i * sa];
        const y = b[ib + i * sb];
        out[o + i] = x <= y || Number.isNaN(x) ? x : y;
      }
    },
  },
  // a·step(b): relu's backward, g masked by the sign of x
  reluGrad: {
    wasm: 6,
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      for (let i = 0; i < n; i++) {
        const v = b[ib + i * sb];
        out[o + i] = a[ia + i * sa] * (v > 0 ? 1 : v <= 0 ? 0 : v);
      }
    },
  },
  // a·(b·(1 − b)): sigmoid's backward from its output, each step rounded to the dtype as the
  // three ops it replaces would store it
  sigmoidGrad: {
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      // NOTE: Math.fround called directly, in a loop of its own (through a variable: 3–4× slower)
      if (out instanceof Float32Array) {
        for (let i = 0; i < n; i++) {
          const y = b[ib + i * sb];
          out[o + i] = a[ia + i * sa] * Math.fround(y * Math.fround(1 - y));
        }
      } else {
        for (let i = 0; i < n; i++) {
          const y = b[ib + i * sb];
          out[o + i] = a[ia + i * sa] * (y * (1 - y));
        }
      }
    },
  },
  pow: {
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] ** b[ib + i * sb];
    },
  },
  greater: {
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] > b[ib + i * sb] ? 1 : 0;
    },
  },
  equal: {
    loop: (a, ia, sa, b, ib, sb, out, o, n) => {
      for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] === b[ib + i * sb] ? 1 : 0;
    },
  },
};
