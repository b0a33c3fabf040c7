import { ArgumentError } from '../core/index.js';
import type { Backend } from './Backend.js';
import { jsBackend } from './jsBackend.js';

const backends = new Map<string, Backend>([[jsBackend.name, jsBackend]]);
let current: Backend = jsBackend;

/** The backend every op runs its kernels on. */
export function getBackend(): Backend {
  return current;
}

/** Makes a backend available to `setBackend` under its name. */
export function registerBackend(backend: Backend): void {
  backends.set(backend.name, backend);
}

/** Selects the backend by name (`'js'` is always there). */
export function setBackend(name: string): void {
  const b = backends.get(name);
  if (!b) {
    throw new ArgumentError(
      `setBackend: unknown backend ${JSON.stringify(name)}, expected one of ${[...backends.keys()].map((k) => `'${k}'`).join(', ')}`,
    );
  }
  current = b;
}

/** Names of the registered backends. */
export function listBackends(): string[] {
  return [...backends.keys()];
}
