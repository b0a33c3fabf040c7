import { afterEach, describe, expect, it } from 'vitest';
import {
  ArgumentError,
  getBackend,
  listBackends,
  matmul,
  relu,
  setBackend,
  sum,
  tensor,
} from '../../lib/index.js';

describe('backend registry', () => {
  afterEach(() => setBackend('wasm'));

  it("selects 'wasm' by default where WebAssembly SIMD runs, and lists both", () => {
    expect(getBackend().name).toBe('wasm');
    expect(listBackends()).toEqual(expect.arrayContaining(['js', 'wasm']));
  });

  it("switches with setBackend('js' | 'wasm')", () => {
    setBackend('js');
    expect(getBackend().name).toBe('js');
    setBackend('wasm');
    expect(getBackend().name).toBe('wasm');
  });

  it('rejects an unknown name, naming the ones it knows', () => {
    expect(() => setBackend('gpu')).toThrow(ArgumentError);
    expect(() => setBackend('gpu')).toThrow(
      `setBackend: unknown backend "gpu", expected one of 'js', 'wasm'`,
    );
  });

  it('gives the same forward and backward results on both backends', () => {
    const run = () => {
      const xs = Float64Array.from({ length: 24 * 40 }, (_, i) => Math.sin(i));
      const ws = Float64Array.from({ length: 40 * 30 }, (_, i) => Math.cos(i * 0.3));
      const x = tensor(xs, { shape: [24, 40] });
      const w = tensor(ws, { shape: [40, 30], requiresGrad: true });
      const y = sum(relu(matmul(x, w)));
      y.backward();
      return { y: y.item(), g: Array.from(w.grad?.data ?? []) };
    };
    setBackend('js');
    const js = run();
    setBackend('wasm');
    const wasm = run();
    expect(wasm.y).toBeCloseTo(js.y, 9);
    expect(wasm.g.length).toBe(1200);
    for (let i = 0; i < js.g.length; i++) expect(wasm.g[i]).toBeCloseTo(js.g[i], 9);
  });
});
