import { defineConfig } from 'vitest/config';
import { relaxedSimdArgv } from './scripts/relaxedSimd.js';

// The property tests of every op and of the autograd core run once per backend: on the plain-JS
// kernels, and on the WebAssembly kernels with their size thresholds at 0 (so the suite's small
// tensors go through WebAssembly too). Everything runs once more on the default selection.
const perBackend = ['spec/ops/**/*.spec.ts', 'spec/autograd/**/*.spec.ts'];

// `import ... from 'rxgrad'` (README blocks, examples) runs the sources, as the demos do.
const lib = new URL('./lib/', import.meta.url).pathname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^rxgrad$/, replacement: `${lib}index.ts` },
      { find: /^rxgrad\/(node|plot|testing)$/, replacement: `${lib}$1/index.ts` },
    ],
  },
  test: {
    // The WebAssembly kernels run with relaxed SIMD, as on Node 22+ and Chrome: on Node 20 the
    // workers get V8's flag for it (the library never sets it). WasmRuntime.spec.ts runs the
    // plain SIMD128 build too, and spec/backend/wasm/relaxedSimd.spec.ts a process without it.
    execArgv: relaxedSimdArgv(),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The console report, plus a JSON one that .ci/run sums up in one closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'out/test-results.json' },
    benchmark: { include: ['bench/**/*.bench.ts'] },
    setupFiles: ['spec/setup/install.ts'],
    projects: [
      { extends: true, test: { name: 'all', include: ['spec/**/*.spec.ts'] } },
      {
        extends: true,
        test: {
          name: 'ops on js',
          include: perBackend,
          setupFiles: ['spec/setup/install.ts', 'spec/backend/setup/jsBackend.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ops on wasm',
          include: perBackend,
          setupFiles: ['spec/setup/install.ts', 'spec/backend/setup/wasmEverywhere.ts'],
        },
      },
    ],
  },
});
