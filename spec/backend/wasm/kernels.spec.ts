import { describe, expect, it } from 'vitest';
import { inflateRaw } from '../../../lib/backend/wasm/inflate.js';
import {
  KERNELS_SHARED_FLAG_OFFSET,
  KERNELS_SOURCE_HASH,
  KERNELS_WASM,
  KERNELS_WASM_SIZE,
} from '../../../lib/backend/wasm/kernels.generated.js';
import { sourceHash } from '../../../scripts/buildWasm.js';

const decode = (variant: 'simd' | 'relaxed') =>
  inflateRaw(
    Uint8Array.from(atob(KERNELS_WASM[variant]), (c) => c.charCodeAt(0)),
    KERNELS_WASM_SIZE[variant],
  );
const imports = (shared: boolean) => ({
  env: { memory: new WebAssembly.Memory({ initial: 1, maximum: 32768, shared }), abort() {} },
});

describe('generated kernels (lib/backend/wasm/kernels.generated.ts)', () => {
  it('were built from the current AssemblyScript sources (else: npm run build:wasm)', () => {
    expect(KERNELS_SOURCE_HASH).toBe(sourceHash());
  });

  it('hold the plain-SIMD module, importing a memory and exporting every kernel', () => {
    expect(Object.keys(KERNELS_WASM).sort()).toEqual(['relaxed', 'simd']);
    const module = new WebAssembly.Module(decode('simd'));
    expect(WebAssembly.Module.imports(module)).toEqual([
      { module: 'env', name: 'memory', kind: 'memory' },
    ]);
    const names = WebAssembly.Module.exports(module).map((e) => e.name);
    for (const fn of ['gemmF64', 'gemmF32', 'unaryF64', 'binaryF32', 'reduceF64'])
      expect(names).toContain(fn);
  });

  it('become the shared-memory build by setting one byte, the memory limits flag', () => {
    const bytes = decode('simd');
    expect(bytes[KERNELS_SHARED_FLAG_OFFSET]).toBe(0x01);
    // unpatched, a shared memory is refused; patched, it is taken (and an unshared one refused)
    expect(() => new WebAssembly.Instance(new WebAssembly.Module(bytes), imports(true))).toThrow();
    bytes[KERNELS_SHARED_FLAG_OFFSET] = 0x03;
    const module = new WebAssembly.Module(bytes);
    expect(() => new WebAssembly.Instance(module, imports(false))).toThrow();
    const instance = new WebAssembly.Instance(module, imports(true));
    expect(typeof instance.exports.gemmF64).toBe('function');
  });
});
