/**
 * What the JavaScript host offers the WebAssembly backend: SIMD and relaxed SIMD, shared memory,
 * cores, and a way to start a worker. This is the one file that tells Node from a browser; it
 * reaches Node's modules only through `process.getBuiltinModule` (no import), so bundlers and
 * browsers never see them.
 */

/** A started worker thread, whichever kind the host has. */
export interface HostWorker {
  post(message: unknown): void;
  /** Called once if the worker fails outside a job (a job's own errors travel through memory). */
  onError(handler: (error: unknown) => void): void;
  terminate(): void;
}

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

interface NodeWorker {
  postMessage(message: unknown): void;
  on(event: 'error', handler: (error: unknown) => void): void;
  unref(): void;
  terminate(): Promise<number>;
}

type NodeWorkerClass = new (source: string, options: { eval: true }) => NodeWorker;

function nodeModule<T>(id: string): T | undefined {
  const p = (globalThis as { process?: NodeProcess }).process;
  if (!p?.versions?.node || typeof p.getBuiltinModule !== 'function') return undefined;
  try {
    return p.getBuiltinModule(id) as T | undefined;
  } catch {
    return undefined;
  }
}

/** Decodes base64 with the host's `atob` (Node ≥ 16 and every browser). */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Whether the host can compile and run WebAssembly at all. */
export function hasWebAssembly(): boolean {
  return typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function';
}

/**
 * Whether the host runs relaxed SIMD (fused multiply-add). Detected, never switched on: Chrome,
 * Edge and Node 22+ have it; on Node 20 it sits behind V8's `--experimental-wasm-relaxed-simd`,
 * which only the user may pass (`node --experimental-wasm-relaxed-simd app.js`). Without it the
 * plain SIMD128 build runs.
 */
export function validateRelaxed(bytes: Uint8Array<ArrayBuffer>): boolean {
  return WebAssembly.validate(bytes);
}

/** Whether memory can be shared with workers (SharedArrayBuffer, and cross-origin isolation in a page). */
export function canShareMemory(): boolean {
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') return false;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return isolated !== false;
}

/** Cores the host reports (1 when it does not say). */
export function coreCount(): number {
  const os = nodeModule<{ availableParallelism?: () => number; cpus(): unknown[] }>('node:os');
  if (os) return os.availableParallelism?.() ?? os.cpus().length;
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return nav?.hardwareConcurrency ?? 1;
}

/** Whether this thread may block in `Atomics.wait` (Node's main thread may; a page's may not). */
export function canBlock(): boolean {
  if (nodeModule('node:worker_threads')) return true;
  return typeof (globalThis as { document?: unknown }).document === 'undefined';
}

/**
 * Starts a worker running `source` (plain JavaScript that defines `onStart(data)`, see
 * workerSource.ts). In Node the worker is unref'd: it never keeps a finished process alive.
 * Returns undefined where the host has no workers.
 */
export function spawnWorker(source: string): HostWorker | undefined {
  const threads = nodeModule<{ Worker: NodeWorkerClass }>('node:worker_threads');
  if (threads) {
    const code = `${source}\nrequire('node:worker_threads').parentPort.once('message', onStart);`;
    const worker = new threads.Worker(code, { eval: true });
    worker.unref();
    return {
      post: (message) => worker.postMessage(message),
      onError: (handler) => worker.on('error', handler),
      terminate: () => void worker.terminate(),
    };
  }
  const g = globalThis as {
    Worker?: new (
      url: string,
    ) => {
      postMessage(m: unknown): void;
      addEventListener(type: 'error', handler: (e: unknown) => void): void;
      terminate(): void;
    };
  };
  if (typeof g.Worker !== 'function' || typeof Blob !== 'function') return undefined;
  const code = `${source}\nself.addEventListener('message', (e) => onStart(e.data), { once: true });`;
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  // NOTE: the URL is not revoked: the worker may fetch it after this returns (one per worker).
  const worker = new g.Worker(url);
  return {
    post: (message) => worker.postMessage(message),
    onError: (handler) => worker.addEventListener('error', handler),
    terminate: () => worker.terminate(),
  };
}
