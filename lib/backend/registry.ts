import { ArgumentError, excerpt } from '../core/index.js';
import type { Backend } from './Backend.js';
import { jsBackend } from './jsBackend.js';
import { wasmAvailable, wasmBackend } from './wasm/wasmBackend.js';

const backends = new Map<string, Backend>([
  [jsBackend.name, jsBackend],
  [wasmBackend.name, wasmBackend],
]);
let current: Backend | undefined;

/**
 * The backend every op runs its kernels on: `'wasm'` where the host runs WebAssembly SIMD
 * (chosen on first use), `'js'` otherwise, or whatever `setBackend` selected.
 */
export function getBackend(): Backend {
  current ??= wasmAvailable() ? wasmBackend : jsBackend;
  return current;
}

/** Makes a backend available to `setBackend` under its name. */
export function registerBackend(backend: Backend): void {
  backends.set(backend.name, backend);
}

/**
 * Selects the backend by name: `'js'` (always there), `'wasm'` (where WebAssembly SIMD is), or
 * one added with `registerBackend`.
 *
 * @example setBackend('js')  // the portable reference kernels
 */
export function setBackend(name: string): void {
  const b = backends.get(name);
  if (!b) {
    throw new ArgumentError(
      `setBackend: unknown backend ${excerpt(name)}, expected one of ${[...backends.keys()].map((k) => `'${k}'`).join(', ')}`,
    );
  }
  if (b === wasmBackend && !wasmAvailable()) {
    throw new ArgumentError(
      "setBackend: backend 'wasm' needs WebAssembly with SIMD, which this host does not have",
    );
  }
  current = b;
}

/** Names of the registered backends. */
export function listBackends(): string[] {
  return [...backends.keys()];
}
