import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsBackend } from '../../../lib/backend/jsBackend.js';
import {
  wasmConv2d,
  wasmConv2dBackpropFilter,
  wasmConv2dBackpropInput,
  wasmMaxPool2d,
} from '../../../lib/backend/wasm/conv2dWasm.js';
import { WasmRuntime } from '../../../lib/backend/wasm/WasmRuntime.js';
import type { Conv2dGeometry } from '../../../lib/backend/window2d.js';
import { conv2dGeometry } from '../../../lib/ops/conv2dGeometry.js';
import { poolWindow } from '../../../lib/ops/poolWindow.js';

// The WebAssembly convolution and pooling kernels against the JS reference kernels, called
// directly (no size thresholds), on drawn geometries, in both dtypes and every runtime variant.

const rt = WasmRuntime.create({ sharedMemory: false })!;
const rtRelaxed = WasmRuntime.create({ relaxedSimd: true })!;

function fill<A extends Float32Array | Float64Array>(a: A, seed: number): A {
  for (let i = 0; i < a.length; i++) a[i] = Math.sin(seed + 1.7 * i) + 0.1 * Math.cos(3.1 * i);
  return a;
}

function expectNear(got: ArrayLike<number>, want: ArrayLike<number>, f32: boolean): void {
  expect(got.length).toBe(want.length);
  const tol = f32 ? 1e-4 : 1e-11;
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i])))) {
      expect.fail(`element ${i}: wasm ${got[i]}, js ${want[i]}`);
    }
  }
}

const geometry = fc
  .record({
    n: fc.integer({ min: 1, max: 3 }),
    groups: fc.integer({ min: 1, max: 3 }),
    cg: fc.integer({ min: 1, max: 5 }),
    og: fc.integer({ min: 1, max: 9 }),
    kh: fc.integer({ min: 1, max: 5 }),
    kw: fc.integer({ min: 1, max: 5 }),
    stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
    padding: fc.tuple(fc.tuple(fc.nat(3), fc.nat(3)), fc.tuple(fc.nat(3), fc.nat(3))),
    size: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })),
  })
  .map((r) =>
    conv2dGeometry(
      [
        r.n,
        r.cg * r.groups,
        r.dilation[0] * (r.kh - 1) + 1 + r.size[0],
        r.dilation[1] * (r.kw - 1) + 1 + r.size[1],
      ],
      [r.og * r.groups, r.cg, r.kh, r.kw],
      { stride: r.stride, dilation: r.dilation, padding: r.padding, groups: r.groups },
    ),
  );

function compare(g: Conv2dGeometry, f32: boolean, runtime: WasmRuntime): void {
  const F = f32 ? Float32Array : Float64Array;
  const x = fill(new F(g.n * g.c * g.h * g.w), 1);
  const w = fill(new F(g.o * (g.c / g.groups) * g.kh * g.kw), 2);
  const b = fill(new F(g.o), 3);
  const dy = fill(new F(g.n * g.o * g.oh * g.ow), 4);
  const [y, yWant] = [new F(dy.length), new F(dy.length)];
  expect(wasmConv2d(runtime, x, w, b, y, g)).toBe(true);
  jsBackend.conv2d(x, w, b, yWant, g);
  expectNear(y, yWant, f32);
  const [dx, dxWant] = [new F(x.length), new F(x.length)];
  expect(wasmConv2dBackpropInput(runtime, dy, w, dx, g)).toBe(true);
  jsBackend.conv2dBackpropInput(dy, w, dxWant, g);
  expectNear(dx, dxWant, f32);
  const [dw, dwWant] = [new F(w.length), new F(w.length)];
  expect(wasmConv2dBackpropFilter(runtime, x, dy, dw, g)).toBe(true);
  jsBackend.conv2dBackpropFilter(x, dy, dwWant, g);
  expectNear(dw, dwWant, f32);
}

describe('WebAssembly conv2d kernels agree with the JS reference', () => {
  for (const f32 of [false, true]) {
    it(`forward, backprop input, backprop filter on drawn geometries (${f32 ? 'float32' : 'float64'})`, () => {
      fc.assert(
        fc.property(geometry, fc.boolean(), (g, relaxed) =>
          compare(g, f32, relaxed ? rtRelaxed : rt),
        ),
        { numRuns: 40 },
      );
    });
  }

  it("the demo's layers: 1→16 and 16→32 channels, 3×3, padding 1, batch 8, on 28×28 and 14×14", () => {
    for (const [c, o, s] of [
      [1, 16, 28],
      [16, 32, 14],
    ]) {
      const g = conv2dGeometry([8, c, s, s], [o, c, 3, 3], { padding: 1 });
      compare(g, true, rt);
      compare(g, false, rtRelaxed);
    }
  });

  it('no bias: b = null gives the bias-free product', () => {
    const g = conv2dGeometry([2, 3, 6, 6], [4, 3, 3, 3], {});
    const x = fill(new Float64Array(2 * 3 * 36), 5);
    const w = fill(new Float64Array(4 * 27), 6);
    const [y, want] = [new Float64Array(2 * 4 * 16), new Float64Array(2 * 4 * 16)];
    expect(wasmConv2d(rt, x, w, null, y, g)).toBe(true);
    jsBackend.conv2d(x, w, null, want, g);
    expectNear(y, want, false);
  });
});

describe('WebAssembly max pooling (values and indices) agrees with the JS reference', () => {
  it('on drawn windows, with ties (values on a coarse grid) and NaN', () => {
    fc.assert(
      fc.property(
        fc.record({
          k: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
          s: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
          p: fc.tuple(fc.nat(2), fc.nat(2)),
          extra: fc.tuple(fc.nat(6), fc.nat(6)),
          f32: fc.boolean(),
          nan: fc.boolean(),
        }),
        ({ k, s, p, extra, f32, nan }) => {
          const padding: [number, number] = [
            Math.min(p[0], Math.floor(k[0] / 2)),
            Math.min(p[1], Math.floor(k[1] / 2)),
          ];
          const shape = [2, 3, k[0] + extra[0], k[1] + extra[1]];
          const g = poolWindow(shape, k, { stride: s, padding }, 'maxPool2d');
          const F = f32 ? Float32Array : Float64Array;
          const x = new F(6 * shape[2] * shape[3]);
          for (let i = 0; i < x.length; i++) x[i] = (i * 7) % 5;
          if (nan) x[x.length >> 1] = Number.NaN;
          const size = 6 * g.oh * g.ow;
          const [got, want] = [new Int32Array(size), new Int32Array(size)];
          const [y, yWant] = [new F(size), new F(size)];
          expect(wasmMaxPool2d(rt, x, y, got, g)).toBe(true);
          jsBackend.maxPool2d(x, yWant, want, g);
          expect(Array.from(got)).toEqual(Array.from(want));
          expect(Array.from(y)).toEqual(Array.from(yWant));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the 2×2 stride-2 float32 fast path: ties, NaN, widths with and without a leftover column', () => {
    for (const [h, w] of [
      [28, 28],
      [14, 14],
      [7, 9],
      [4, 17],
    ]) {
      const g = poolWindow([2, 3, h, w], 2, {}, 'maxPool2d');
      const x = new Float32Array(6 * h * w);
      for (let i = 0; i < x.length; i++) x[i] = (i * 7) % 3;
      x[5] = Number.NaN;
      x[w + 2] = Number.NaN;
      const size = 6 * g.oh * g.ow;
      const [got, want] = [new Int32Array(size), new Int32Array(size)];
      const [y, yWant] = [new Float32Array(size), new Float32Array(size)];
      expect(wasmMaxPool2d(rt, x, y, got, g)).toBe(true);
      jsBackend.maxPool2d(x, yWant, want, g);
      expect(Array.from(got)).toEqual(Array.from(want));
      expect(Array.from(y)).toEqual(Array.from(yWant));
    }
  });
});

describe('a convolution shared over threads', () => {
  it('gives bit for bit what one thread gives (sample ranges fixed by the geometry)', () => {
    const shared = WasmRuntime.create({ sharedMemory: true })!;
    expect(shared.info.sharedMemory).toBe(true); // Node has SharedArrayBuffer
    // 16·32·14·14·16·9 ≈ 14.5 M multiply-adds: above the threshold for sharing
    const g = conv2dGeometry([16, 16, 14, 14], [32, 16, 3, 3], { padding: 1 });
    const x = fill(new Float32Array(16 * 16 * 196), 1);
    const w = fill(new Float32Array(32 * 16 * 9), 2);
    const dy = fill(new Float32Array(16 * 32 * 196), 3);
    const run = (threads: number) => {
      shared.setThreads(threads);
      const y = new Float32Array(dy.length);
      const dx = new Float32Array(x.length);
      const dw = new Float32Array(w.length);
      expect(wasmConv2d(shared, x, w, null, y, g)).toBe(true);
      expect(wasmConv2dBackpropInput(shared, dy, w, dx, g)).toBe(true);
      expect(wasmConv2dBackpropFilter(shared, x, dy, dw, g)).toBe(true);
      return [y, dx, dw].map((a) => Array.from(a));
    };
    const one = run(1);
    for (let r = 0; r < 3; r++) expect(run(2)).toEqual(one);
    shared.terminate();
  });
});
