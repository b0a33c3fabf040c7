import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storageOf } from '../../../lib/autograd/index.js';
import { jsBackend } from '../../../lib/backend/jsBackend.js';
import { matrixView } from '../../../lib/backend/matrixView.js';
import {
  residentStats,
  verifyResidentCopies,
  wasmBackend,
} from '../../../lib/backend/wasm/wasmBackend.js';
import {
  getBackend,
  matmul,
  randn,
  reshape,
  setBackend,
  sum,
  type Tensor,
  tensor,
  wasmInfo,
} from '../../../lib/index.js';

// Tensor storage the library alone has seen since it filled it (sealed) is passed to the
// backend as stable and stays resident in the WebAssembly memory between ops; `tensor.data`
// hands an array out, and it is never stable again.
// Every result is compared with the same product on the JS kernels.

let before: string;
beforeEach(() => {
  before = getBackend().name;
  setBackend('wasm');
});
afterEach(() => setBackend(before));

/** The product on the JS kernels, from the values the arrays hold now. */
function reference(a: Tensor, b: Tensor): number[] {
  const was = getBackend().name;
  setBackend('js');
  try {
    const copy = (t: Tensor) => tensor(Float64Array.from(storageOf(t)), { shape: t.shape });
    return Array.from(storageOf(matmul(copy(a), copy(b))));
  } finally {
    setBackend(was);
  }
}

const stats = () => residentStats()!;

/** The WebAssembly kernels round differently (fused multiply-add, blocking): equal to ~1e-12. */
function expectClose(got: number[], want: number[]): void {
  expect(got).toHaveLength(want.length);
  const far = got.findIndex((v, i) => !(Math.abs(v - want[i]) <= 1e-10 * (1 + Math.abs(want[i]))));
  expect(far, `element ${far}: ${got[far]} vs ${want[far]}`).toBe(-1);
}
const product = (a: Tensor, b: Tensor) => Array.from(storageOf(matmul(a, b)));

describe('resident copies of sealed operands (wasm backend)', () => {
  it('copies a tensor made by the library in once, then reuses it', () => {
    const x = randn([64, 80], { seed: 1 });
    const w = randn([80, 40], { seed: 2 });
    const first = stats();
    const y1 = product(x, w);
    const mid = stats();
    expect(mid.copies - first.copies).toBe(2);
    const y2 = product(x, w);
    const end = stats();
    expect(end.hits - mid.hits).toBe(2);
    expect(end.copies).toBe(mid.copies);
    expect(y2).toEqual(y1);
    expectClose(y1, reference(x, w));
  });

  it('sees a write through data at once, and through a reference kept from long before', () => {
    const x = randn([64, 80], { seed: 3 });
    const w = randn([80, 40], { seed: 4 });
    product(x, w);
    const kept = x.data; // handed out: x is no longer kept resident
    const y1 = product(x, w);
    for (let i = 0; i < 10; i++) product(x, w);
    kept[0] = 1000;
    kept[kept.length - 1] = -7;
    const y2 = product(x, w);
    expect(y2).not.toEqual(y1);
    expectClose(y2, reference(x, w));
  });

  it('never seals again an array that was handed out, when a view op wraps it', () => {
    const x = randn([32, 20], { seed: 5 });
    const w = randn([20, 10], { seed: 6 });
    const kept = x.data;
    const view = reshape(x, [32, 20]);
    const d = view.detach();
    product(view, w);
    product(d, w);
    kept.fill(0.5);
    expectClose(product(view, w), reference(view, w));
    expectClose(product(d, w), reference(d, w));
    expect(sum(matmul(d, w)).item()).toBeCloseTo(
      reference(d, w).reduce((s, v) => s + v, 0),
      9,
    );
  });

  it('wraps a user array without sealing it', () => {
    const mine = Float64Array.from({ length: 40 * 30 }, (_, i) => Math.sin(i));
    const x = new (tensor(0).constructor as new (d: Float64Array, s: number[]) => Tensor)(
      mine,
      [40, 30],
    );
    const w = randn([30, 20], { seed: 7 });
    product(x, w);
    mine[3] = 99;
    expectClose(product(x, w), reference(x, w));
  });

  it('drops every copy when the area is full, and its memory stays bounded', () => {
    const w = randn([128, 16], { seed: 8 });
    const size = 128 * 128 * 8; // bytes of each x: 128 kB, 12.8 MB in all
    product(randn([128, 128], { seed: 9 }), w);
    const start = wasmInfo()!.memoryBytes;
    const copies = stats().copies;
    for (let i = 0; i < 100; i++) {
      const x = randn([128, 128], { seed: 10 + i });
      const y = product(x, w);
      if (i % 25 === 0) expectClose(y, reference(x, w));
    }
    expect(stats().copies - copies).toBeGreaterThanOrEqual(100);
    // the area holds at most 16 of the largest operand kept so far (the scratch stays as it was)
    expect(stats().bytes).toBeLessThanOrEqual(16 * size);
    expect(wasmInfo()!.memoryBytes - start).toBeLessThanOrEqual(16 * size);
  });

  it('never keeps an operand its caller did not mark stable (raw arrays through the backend)', () => {
    const a = Float64Array.from({ length: 64 * 80 }, (_, i) => Math.cos(i));
    const b = Float64Array.from({ length: 80 * 40 }, (_, i) => Math.sin(i));
    const out = new Float64Array(64 * 40);
    const copies = stats().copies;
    wasmBackend.matmul(matrixView(a, 64, 80, false), matrixView(b, 80, 40, false), out);
    a[0] += 1;
    const again = new Float64Array(64 * 40);
    wasmBackend.matmul(matrixView(a, 64, 80, false), matrixView(b, 80, 40, false), again);
    expect(stats().copies).toBe(copies);
    const want = new Float64Array(64 * 40);
    jsBackend.matmul(matrixView(a, 64, 80, false), matrixView(b, 80, 40, false), want);
    expectClose(Array.from(again), Array.from(want));
  });

  it('the check of the test suite catches an array written after it was sealed', () => {
    verifyResidentCopies(true);
    const x = randn([64, 80], { seed: 11 });
    const w = randn([80, 40], { seed: 12 });
    product(x, w);
    storageOf(x)[5] += 1; // what library code must never do
    expect(() => product(x, w)).toThrow(/resident copy of a stable Float64Array\(5120\) differs/);
  });
});
