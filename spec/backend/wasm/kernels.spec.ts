import { describe, expect, it } from 'vitest';
import { KERNELS_SOURCE_HASH, KERNELS_WASM } from '../../../lib/backend/wasm/kernels.generated.js';
import { sourceHash, variants } from '../../../scripts/buildWasm.js';

describe('generated kernels (lib/backend/wasm/kernels.generated.ts)', () => {
  it('were built from the current AssemblyScript sources (else: npm run build:wasm)', () => {
    expect(KERNELS_SOURCE_HASH).toBe(sourceHash());
  });

  it('hold one valid module per variant, each importing a memory and exporting every kernel', () => {
    expect(Object.keys(KERNELS_WASM).sort()).toEqual(Object.keys(variants).sort());
    const bytes = Uint8Array.from(atob(KERNELS_WASM.simdShared), (c) => c.charCodeAt(0));
    const module = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.imports(module)).toEqual([
      { module: 'env', name: 'memory', kind: 'memory' },
    ]);
    const names = WebAssembly.Module.exports(module).map((e) => e.name);
    for (const fn of ['gemmF64', 'gemmF32', 'unaryF64', 'binaryF32', 'reduceF64'])
      expect(names).toContain(fn);
  });
});
