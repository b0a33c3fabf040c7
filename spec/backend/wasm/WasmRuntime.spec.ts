import { describe, expect, it } from 'vitest';
import { jsBackend } from '../../../lib/backend/jsBackend.js';
import { matrixView } from '../../../lib/backend/matrixView.js';
import { UNARY_CODES } from '../../../lib/backend/wasm/codes.js';
import { WasmRuntime } from '../../../lib/backend/wasm/WasmRuntime.js';
import { matmulAt } from '../matmulViews.js';

// Every compiled variant (plain or relaxed SIMD, shared or unshared memory) computes the same.
describe('WasmRuntime variants', () => {
  for (const relaxedSimd of [false, true]) {
    for (const sharedMemory of [false, true]) {
      it(`relaxedSimd=${relaxedSimd} sharedMemory=${sharedMemory}`, () => {
        const rt = WasmRuntime.create({ relaxedSimd, sharedMemory });
        expect(rt?.info).toEqual({ relaxedSimd, sharedMemory });
        if (!rt) return;
        rt.setThreads(2);
        // threads need shared memory; 96·80·150 multiply-adds is enough to split the product
        expect(rt.threads).toBe(sharedMemory ? 2 : 1);
        const [m, k, n] = [96, 80, 150];
        const a = Float64Array.from({ length: m * k }, (_, i) => Math.sin(i));
        const b = Float64Array.from({ length: k * n }, (_, i) => Math.cos(i));
        const got = new Float64Array(m * n);
        const want = new Float64Array(m * n);
        expect(
          rt.matmul(matrixView(a, k, m, true), matrixView(b, k, n, false), got, { m, k, n }),
        ).toBe(true);
        matmulAt(jsBackend, a, b, want, m, k, n, true, false);
        for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], 10);
        const e = new Float32Array(7);
        expect(
          rt.unary(UNARY_CODES.exp as number, Float32Array.of(0, 1, -1, 2, 3, -20, 88), e, 0, 0),
        ).toBe(true);
        expect(Array.from(e)).toEqual(
          Array.from(
            Float32Array.of(
              1,
              Math.E,
              1 / Math.E,
              Math.exp(2),
              Math.exp(3),
              Math.exp(-20),
              Math.exp(88),
            ),
          ),
        );
        rt.terminate();
      });
    }
  }

  it('compiles in the background too (for hosts that refuse to compile synchronously)', async () => {
    const rt = await WasmRuntime.createAsync({ sharedMemory: false });
    const out = new Float64Array(3);
    expect(rt?.unary(UNARY_CODES.relu as number, Float64Array.of(-1, 0, 2.5), out, 0, 0)).toBe(
      true,
    );
    expect(Array.from(out)).toEqual([0, 0, 2.5]);
  });
});
