// vitest setup file: runs a whole suite on the WebAssembly kernels, even for tensors too small
// to pay for the copy into WebAssembly memory (the thresholds drop to 0), so that the suite's
// small tensors exercise them.
import { setBackend } from '../../../lib/backend/index.js';
import { WASM_THRESHOLDS } from '../../../lib/backend/wasm/wasmBackend.js';

setBackend('wasm');
for (const key of Object.keys(WASM_THRESHOLDS) as (keyof typeof WASM_THRESHOLDS)[])
  WASM_THRESHOLDS[key] = 0;
