import type { DType } from '../core/index.js';
import type { ControlCommand } from '../train/control.js';

/**
 * The messages `fitInWorker` (main side) and `serveFit` (worker side) exchange. Every message
 * is plain structured-clone-safe data tagged with `rxgrad: 1`, so that a worker that also
 * talks to other code can tell these apart.
 */
export type ToWorker =
  /** Starts the one run of this worker with the caller's plain-data configuration. */
  | { readonly rxgrad: 1; readonly kind: 'start'; readonly config: unknown }
  /** A control command for the run (`pause`, `resume`, `stop`, `setLearningRate`, ...). */
  | { readonly rxgrad: 1; readonly kind: 'control'; readonly control: ControlCommand }
  /** Asks for a copy of the current weights (answered by a `weights` message). */
  | { readonly rxgrad: 1; readonly kind: 'weights' }
  /** The subscriber unsubscribed: stop the run now. */
  | { readonly rxgrad: 1; readonly kind: 'cancel' };

/** What a worker sends back. */
export type FromWorker<E = unknown> =
  | { readonly rxgrad: 1; readonly kind: 'event'; readonly event: E }
  | {
      readonly rxgrad: 1;
      readonly kind: 'weights';
      readonly weights: WeightsData;
      readonly final: boolean;
    }
  | { readonly rxgrad: 1; readonly kind: 'complete' }
  | { readonly rxgrad: 1; readonly kind: 'error'; readonly error: SerializedError };

/**
 * A command for a run in a worker: one of `fit`'s control commands (`pause`, `resume`, `stop`,
 * `setLearningRate`), or `requestWeights` to get the current weights back.
 */
export type WorkerControl =
  | ControlCommand
  | {
      /** Ask the worker for a copy of the current weights. */
      readonly type: 'requestWeights';
    };

/** A model's weights as plain data: one entry per parameter, by dotted name. */
export type WeightsData = Record<
  string,
  {
    /** The parameter's shape. */
    readonly shape: readonly number[];
    /** The parameter's dtype. */
    readonly dtype: DType;
    /** A copy of its values, row-major. */
    readonly data: Float32Array | Float64Array;
  }
>;

/** An error as it crosses the boundary. */
export interface SerializedError {
  /** The error's class name (`'ShapeError'`, ...): `deserializeError` rebuilds rxgrad's and the built-in error classes by it. */
  readonly name: string;
  /** The error's message. */
  readonly message: string;
  /** The stack trace from the worker, when there was one. */
  readonly stack?: string;
  /** Other own properties of the error that are plain data (numbers, strings, booleans). */
  readonly props?: Record<string, string | number | boolean | null>;
}

/**
 * The main side's handle on a worker: a browser `Worker` satisfies it as it is; in Node,
 * `nodeWorker(...)` from `rxgrad/node` adapts a `worker_threads` Worker to it.
 */
export interface WorkerLike {
  /** Sends a message (structured-cloned) to the worker. */
  postMessage(message: unknown): void;
  /** Listens to the worker's messages; `event.data` is the message. */
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Listens to the worker's crashes (an uncaught error in the worker). */
  addEventListener(type: 'error', listener: (event: WorkerErrorEventLike) => void): void;
  /** Listens to messages from the worker that could not be deserialised. */
  addEventListener(type: 'messageerror', listener: (event: unknown) => void): void;
  /** Stops the worker at once. */
  terminate(): unknown;
}

/** What a worker reports when it crashed: a browser `ErrorEvent` or a Node worker error. */
export interface WorkerErrorEventLike {
  /** The thrown value when the platform passes it on (Node; browsers for same-origin errors). */
  readonly error?: unknown;
  /** The platform's message, e.g. `Uncaught ShapeError: ...` in Chromium. */
  readonly message?: string;
  /** A browser's: keeps the error from being reported again as uncaught in the page. */
  preventDefault?(): void;
}

/**
 * The worker side's channel to the main thread: a dedicated worker's global scope
 * (`self`) in a browser, `parentPort` from `node:worker_threads` in Node.
 */
export interface PortLike {
  /** Sends a message to the main thread, moving the `transfer` buffers instead of copying them. */
  postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  /** Listens to the main thread's messages; `event.data` is the message. */
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** True for a message of this protocol. */
export function isProtocolMessage(m: unknown): m is { rxgrad: 1; kind: string } {
  return typeof m === 'object' && m !== null && (m as { rxgrad?: unknown }).rxgrad === 1;
}
