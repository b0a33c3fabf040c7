import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { ArgumentError } from '../core/index.js';
import type { WorkerErrorEventLike, WorkerLike } from '../worker/index.js';
import { WorkerError } from '../worker/index.js';

type Listener = (event: never) => void;

/**
 * A `worker_threads` Worker shaped like a browser `Worker`, for `fitInWorker` in Node. A
 * TypeScript entry (`.ts`) is loaded through tsx (a dev dependency), so the same worker module
 * serves the browser (through a bundler) and Node tests; a worker that exits before its run
 * ended reports an `error` with a `WorkerError`.
 *
 * @example
 * fitInWorker(() => nodeWorker(new URL('./train.worker.ts', import.meta.url)), config);
 * // train.worker.ts: serveFit(setup, parentPort)
 */
export function nodeWorker(entry: URL | string, options: WorkerOptions = {}): WorkerLike {
  const url = entry instanceof URL ? entry : pathToFileURL(entry);
  const worker = /\.[cm]?ts$/.test(url.pathname)
    ? new Worker(tsBootstrap(url), { ...options, eval: true })
    : new Worker(url, options);
  const listeners = {
    message: [] as Listener[],
    error: [] as Listener[],
    messageerror: [] as Listener[],
  };
  let terminated = false;
  const emit = (type: keyof typeof listeners, event: unknown): void => {
    for (const l of listeners[type]) (l as (e: unknown) => void)(event);
  };
  worker.on('message', (data: unknown) => emit('message', { data }));
  worker.on('messageerror', (error: unknown) => emit('messageerror', { error }));
  worker.on('error', (error: unknown) => {
    const event: WorkerErrorEventLike = { error, message: (error as Error)?.message };
    emit('error', event);
  });
  worker.on('exit', (code: number) => {
    if (terminated) return;
    emit('error', {
      error: new WorkerError(
        `nodeWorker: the worker exited with code ${code} before it was terminated`,
      ),
    });
  });
  return {
    postMessage: (message: unknown) => worker.postMessage(message),
    addEventListener: (type: keyof typeof listeners, listener: Listener) => {
      listeners[type].push(listener);
    },
    terminate: () => {
      terminated = true;
      return worker.terminate();
    },
  } as WorkerLike;
}

/** Module code that registers tsx in the worker thread and then imports the TypeScript entry. */
function tsBootstrap(url: URL): string {
  const api = tsxApiUrl();
  if (!api) {
    throw new ArgumentError(
      `nodeWorker: a TypeScript entry (${url.pathname}) needs the tsx package; install it or pass a .js entry`,
    );
  }
  return `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
}

/** The URL of tsx's ESM register API (`tsx/esm/api`, import condition), or undefined. */
function tsxApiUrl(): string | undefined {
  try {
    const pkgPath = createRequire(fileURLToPath(import.meta.url)).resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
      exports?: Record<string, { import?: string | { default?: string } }>;
    };
    const entry = pkg.exports?.['./esm/api']?.import;
    const file = typeof entry === 'string' ? entry : entry?.default;
    return file ? new URL(file, pathToFileURL(pkgPath)).href : undefined;
  } catch {
    return undefined;
  }
}
