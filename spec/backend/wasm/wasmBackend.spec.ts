import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BinaryOp, ReduceOp, UnaryOp } from '../../../lib/backend/Backend.js';
import { jsBackend } from '../../../lib/backend/jsBackend.js';
import { BINARY_CODES, UNARY_CODES } from '../../../lib/backend/wasm/codes.js';
import {
  setWasmThreads,
  WASM_THRESHOLDS,
  wasmAvailable,
  wasmBackend,
  wasmInfo,
  wasmReady,
} from '../../../lib/backend/wasm/wasmBackend.js';
import { Random } from '../../../lib/core/index.js';
import { matmulAt } from '../matmulViews.js';

type Ctor = new (length: number) => Float32Array | Float64Array;
const DTYPES: [string, Ctor][] = [
  ['float64', Float64Array],
  ['float32', Float32Array],
];
const saved = { ...WASM_THRESHOLDS };

function filled(T: Ctor, n: number, rng: Random, scale = 1): Float32Array | Float64Array {
  const a = new T(n);
  for (let i = 0; i < n; i++) a[i] = rng.normal() * scale;
  return a;
}

/** max |x − y| / (tol(i)) ≤ 1, and NaN exactly where the reference has NaN. */
function expectClose(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tol: (i: number) => number,
  what: string,
): void {
  expect(got.length, what).toBe(want.length);
  const bad: string[] = [];
  for (let i = 0; i < want.length; i++) {
    const g = got[i];
    const w = want[i];
    if (Number.isNaN(w) || Number.isNaN(g)) {
      if (!(Number.isNaN(w) && Number.isNaN(g))) bad.push(`[${i}] ${g} vs ${w}`);
    } else if (g !== w && !(Math.abs(g - w) <= tol(i))) bad.push(`[${i}] ${g} vs ${w}`);
    if (bad.length > 3) break;
  }
  expect(bad, what).toEqual([]);
}

/**
 * Two summations of the same k products, each within k·ε·Σ|aᵢbᵢ| of the exact dot product
 * (Higham, Accuracy and Stability, §3.1), differ by at most 2·k·ε·Σ|aᵢbᵢ|.
 */
function dotTolerance(
  T: Ctor,
  a: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
  m: number,
  k: number,
  n: number,
  transA: boolean,
  transB: boolean,
  aOff: number,
  bOff: number,
  oOff: number,
): Float64Array {
  const abs = new Float64Array(oOff + m * n + 3);
  matmulAt(
    jsBackend,
    a.map(Math.abs),
    b.map(Math.abs),
    abs,
    m,
    k,
    n,
    transA,
    transB,
    aOff,
    bOff,
    oOff,
  );
  const eps = T === Float64Array ? 2 ** -53 : 2 ** -24;
  return abs.map((s) => 2 * Math.max(k, 1) * eps * s + 1e-300);
}

describe('wasm backend', () => {
  beforeEach(() => {
    for (const key of Object.keys(WASM_THRESHOLDS) as (keyof typeof WASM_THRESHOLDS)[])
      WASM_THRESHOLDS[key] = 0;
  });
  afterEach(() => {
    Object.assign(WASM_THRESHOLDS, saved);
    setWasmThreads(2);
  });

  it('is available on Node 20 (SIMD128), with relaxed SIMD where the host enables it', async () => {
    expect(wasmAvailable()).toBe(true);
    expect(await wasmReady()).toBe(true);
    const info = wasmInfo();
    // vitest.config.ts gives the test workers V8's relaxed-SIMD flag on Node 20
    expect(info?.relaxedSimd).toBe(true);
    expect(info?.sharedMemory).toBe(true);
  });

  describe('matmul agrees with the JS kernel in every layout, both dtypes, odd sizes and batch offsets', () => {
    const sizes: [number, number, number][] = [
      [1, 1, 1],
      [1, 7, 1],
      [3, 5, 2],
      [4, 4, 4],
      [5, 0, 3],
      [17, 9, 33],
      [33, 65, 17],
      [130, 300, 37],
      [7, 513, 9],
      [64, 40, 1030],
    ];
    for (const [dt, T] of DTYPES) {
      it(`${dt}`, () => {
        const rng = new Random(1);
        for (const [m, k, n] of sizes) {
          for (const transA of [false, true]) {
            for (const transB of [false, true]) {
              const [aOff, bOff, oOff] = [3, 5, 2];
              const a = filled(T, aOff + m * k + 4, rng);
              const b = filled(T, bOff + k * n + 4, rng);
              const want = new T(oOff + m * n + 3).fill(7);
              const got = new T(oOff + m * n + 3).fill(7);
              matmulAt(jsBackend, a, b, want, m, k, n, transA, transB, aOff, bOff, oOff);
              matmulAt(wasmBackend, a, b, got, m, k, n, transA, transB, aOff, bOff, oOff);
              const tol = dotTolerance(T, a, b, m, k, n, transA, transB, aOff, bOff, oOff);
              expectClose(got, want, (i) => tol[i], `${m}×${k}×${n} tA=${transA} tB=${transB}`);
            }
          }
        }
      });
    }
  });

  it('splits large products over two threads with the same result as one thread', () => {
    const rng = new Random(2);
    for (const [, T] of DTYPES) {
      for (const [m, k, n] of [
        [131, 97, 83],
        [37, 211, 151],
      ]) {
        for (const [transA, transB] of [
          [false, false],
          [true, false],
          [false, true],
        ]) {
          const a = filled(T, m * k, rng);
          const b = filled(T, k * n, rng);
          const one = new T(m * n);
          const two = new T(m * n);
          const ref = new T(m * n);
          setWasmThreads(1);
          matmulAt(wasmBackend, a, b, one, m, k, n, transA, transB);
          setWasmThreads(2);
          matmulAt(wasmBackend, a, b, two, m, k, n, transA, transB);
          matmulAt(jsBackend, a, b, ref, m, k, n, transA, transB);
          // the same kernel on the same panels: bit for bit
          expect(two).toEqual(one);
          const tol = dotTolerance(T, a, b, m, k, n, transA, transB, 0, 0, 0);
          expectClose(two, ref, (i) => tol[i], `${m}×${k}×${n}`);
        }
      }
    }
  });

  it('one-column products (the matrix-vector kernel) equal that column of the general product bit for bit', () => {
    const rng = new Random(3);
    for (const [, T] of DTYPES) {
      for (const [m, k] of [
        [455, 30],
        [30, 455],
        [13, 700],
        [6, 1030],
        [128, 100],
      ]) {
        for (const transA of [false, true]) {
          const a = filled(T, m * k, rng);
          const b = filled(T, k, rng);
          const b2 = new T(2 * k); // [b, anything] as a k×2 matrix: its column 0 is b
          for (let p = 0; p < k; p++) [b2[2 * p], b2[2 * p + 1]] = [b[p], rng.normal()];
          const one = new T(m);
          const two = new T(2 * m);
          matmulAt(wasmBackend, a, b, one, m, k, 1, transA, false);
          matmulAt(wasmBackend, a, b2, two, m, k, 2, transA, false);
          const column = new T(m).map((_: number, i: number) => two[2 * i]);
          expect(one, `${m}×${k} transA=${transA}`).toEqual(column);
        }
      }
    }
  });

  describe('unary kernels agree with the JS kernels', () => {
    const special = [
      0,
      -0,
      1,
      -1,
      0.5,
      1e-300,
      -1e-300,
      700,
      709.7,
      709.8,
      710,
      -700,
      -708,
      -720,
      -745,
      -746,
      800,
      -800,
      88,
      -88,
      89,
      -104,
      22,
      -22,
      21.99,
      3e-9,
      5e-324,
      2.2250738585072014e-308,
      1e308,
      Infinity,
      -Infinity,
      Number.NaN,
    ];
    const ops: [UnaryOp, number, number][] = [
      ['neg', 0, 0],
      ['abs', 0, 0],
      ['square', 0, 0],
      ['sqrt', 0, 0],
      ['relu', 0, 0],
      ['step', 0, 0],
      ['affine', 2.5, -0.75],
      ['exp', 0, 0],
      ['sigmoid', 0, 0],
      ['leakyRelu', 0.01, 0],
      ['tanh', 0, 0],
      ['log', 0, 0],
      // no WebAssembly kernel: this must fall back to the JS one
      ['softplus', 0, 0],
    ];
    it('checks every op that has a WebAssembly code in the kernel table', () => {
      const checked = new Set(ops.map(([op]) => op));
      expect(Object.keys(UNARY_CODES).filter((op) => !checked.has(op as UnaryOp))).toEqual([]);
    });
    for (const [dt, T] of DTYPES) {
      for (const [op, a, b] of ops) {
        it(`${op} ${dt}`, () => {
          const rng = new Random(3);
          for (const n of [1, 2, 3, 5, 8, 31, 1001]) {
            const x = filled(T, n, rng, 6);
            for (let i = 0; i < n; i += 3) x[i] = special[(i / 3) % special.length];
            const want = new T(n);
            const got = new T(n);
            jsBackend.unary(op, x, want, a, b);
            wasmBackend.unary(op, x, got, a, b);
            const ulp = T === Float64Array ? 2.2e-16 : 1.2e-7;
            // exp(x) for x < −708 is subnormal: absolute error of a few of its smallest steps
            expectClose(got, want, (i) => 4 * ulp * Math.abs(want[i]) + 2e-323, `${op} n=${n}`);
          }
        });
      }
    }
  });

  it('saturate exactly: exp, sigmoid and tanh at ±800 and ±∞, tanh(−0) = −0, ln at 0, <0, ∞', () => {
    for (const [, T] of DTYPES) {
      const of = (values: number[]) => {
        const a = new T(values.length);
        a.set(values);
        return a;
      };
      const x = of([800, -800, Infinity, -Infinity, 40, -40, -0]);
      const run = (op: UnaryOp, arr: Float32Array | Float64Array = x) => {
        const out = new T(arr.length);
        wasmBackend.unary(op, arr, out, 0, 0);
        return Array.from(out);
      };
      expect(run('exp')).toEqual([
        Infinity,
        0,
        Infinity,
        0,
        expect.any(Number),
        expect.any(Number),
        1,
      ]);
      expect(run('exp')[4] / Math.exp(40) - 1).toBeLessThan(T === Float64Array ? 3e-16 : 1.2e-7);
      expect(run('sigmoid')).toEqual([1, 0, 1, 0, 1, expect.any(Number), 0.5]);
      expect(run('tanh')).toEqual([1, -1, 1, -1, 1, -1, -0]);
      expect(Object.is(run('tanh')[6], -0)).toBe(true);
      const l = run('log', of([0, -0, -1, Infinity, -Infinity, 1, Math.E]));
      expect(l.slice(0, 6)).toEqual([-Infinity, -Infinity, Number.NaN, Infinity, Number.NaN, 0]);
      expect(l[6]).toBeCloseTo(1, T === Float64Array ? 15 : 6);
    }
  });

  describe('binary kernels agree with the JS kernels for every layout the training ops use', () => {
    const ops: BinaryOp[] = [
      'add',
      'sub',
      'mul',
      'div',
      'maximum',
      'minimum',
      'pow',
      'greater',
      'reluGrad',
    ];
    it('checks every op that has a WebAssembly code in the kernel table', () => {
      expect(Object.keys(BINARY_CODES).filter((op) => !ops.includes(op as BinaryOp))).toEqual([]);
    });
    const shapes: [number[], number[], number[]][] = [
      [[7], [7], [7]], // same shape
      [[3, 5], [1], [3, 5]], // scalar on the right
      [[], [4, 3], [4, 3]], // scalar on the left
      [[9, 7], [7], [9, 7]], // bias row
      [[7], [9, 7], [9, 7]], // row on the left
      [
        [6, 5],
        [6, 1],
        [6, 5],
      ], // one value per row (softmax's x − max)
      [
        [2, 3, 1],
        [2, 3, 5],
        [2, 3, 5],
      ], // column on the left, batched
      [
        [2, 1, 5],
        [2, 3, 5],
        [2, 3, 5],
      ], // general broadcast: JS fallback
      [
        [33, 17],
        [33, 17],
        [33, 17],
      ],
    ];
    for (const [dt, T] of DTYPES) {
      for (const op of ops) {
        it(`${op} ${dt}`, () => {
          const rng = new Random(4);
          for (const [as, bs, os] of shapes) {
            const size = (s: number[]) => s.reduce((p, d) => p * d, 1);
            const a = filled(T, size(as), rng);
            const b = filled(T, size(bs), rng);
            a[0] = Number.NaN;
            if (b.length > 2) b[2] = Number.NaN;
            if (b.length > 3) b[3] = a[Math.min(3, a.length - 1)];
            const want = new T(size(os));
            const got = new T(size(os));
            jsBackend.binary(op, a, as, b, bs, want, os);
            wasmBackend.binary(op, a, as, b, bs, got, os);
            // +, −, ×, ÷ round once in both dtypes, as maximum/minimum select: bit for bit
            expectClose(got, want, () => 0, `${op} ${JSON.stringify([as, bs])}`);
          }
        });
      }
    }
  });

  describe('reductions agree with the JS kernels over leading, trailing, middle and all axes', () => {
    const cases: [number[], number[]][] = [
      [[13], [0]],
      [[6, 7], [1]],
      [[6, 7], [0]],
      [
        [6, 7],
        [0, 1],
      ],
      [[3, 5, 4], [1]],
      [
        [3, 5, 4],
        [1, 2],
      ],
      [
        [3, 5, 4],
        [0, 1],
      ],
      [[3, 0, 4], [1]],
      [
        [3, 5, 4],
        [0, 2],
      ], // not contiguous: JS fallback
      [[257, 3], [0]],
      [[2, 1001], [1]],
    ];
    const ops: ReduceOp[] = ['sum', 'max', 'min'];
    for (const [dt, T] of DTYPES) {
      for (const op of ops) {
        it(`${op} ${dt}`, () => {
          const rng = new Random(5);
          for (const [shape, axes] of cases) {
            const n = shape.reduce((p, d) => p * d, 1);
            const x = filled(T, n, rng);
            if (n > 10) x[10] = Number.NaN;
            const outN = shape.filter((_, i) => !axes.includes(i)).reduce((p, d) => p * d, 1);
            const want = new T(outN);
            const got = new T(outN);
            jsBackend.reduce(op, x, shape, axes, want);
            wasmBackend.reduce(op, x, shape, axes, got);
            const absSum = new T(outN);
            jsBackend.reduce('sum', x.map(Math.abs), shape, axes, absSum);
            const eps = T === Float64Array ? 2 ** -53 : 2 ** -24;
            const run = n / Math.max(outN, 1);
            // two summation orders differ by at most 2·run·ε·Σ|x| (Higham §4.2); max/min exact
            const tol = (i: number) => (op === 'sum' ? 2 * run * eps * absSum[i] : 0);
            expectClose(got, want, tol, `${op} ${JSON.stringify([shape, axes])}`);
          }
        });
      }
    }
  });

  it('keeps its memory flat over a long run: the scratch is reused by every call', () => {
    const rng = new Random(6);
    const x = filled(Float64Array, 64 * 100, rng);
    const w = filled(Float64Array, 100 * 30, rng);
    const h = new Float64Array(64 * 30);
    const g = new Float64Array(100 * 30);
    const s = new Float64Array(30);
    const step = () => {
      matmulAt(wasmBackend, x, w, h, 64, 100, 30, false, false);
      wasmBackend.unary('sigmoid', h, h.slice(), 0, 0);
      matmulAt(wasmBackend, x, h, g, 100, 64, 30, true, false);
      wasmBackend.reduce('sum', h, [64, 30], [0], s);
      wasmBackend.binary('mul', g, [100, 30], w, [100, 30], g.slice(), [100, 30]);
    };
    step();
    const before = wasmInfo()?.memoryBytes;
    for (let i = 0; i < 300; i++) step();
    expect(wasmInfo()?.memoryBytes).toBe(before);
  });
});
