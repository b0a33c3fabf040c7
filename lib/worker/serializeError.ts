import {
  ArgumentError,
  DTypeError,
  FormatError,
  GradError,
  NonFiniteError,
  RxgradError,
  ShapeError,
} from '../core/index.js';
import type { SerializedError } from './protocol.js';
import { WorkerError } from './WorkerError.js';

type ErrorClass = new (message: string) => Error;

/** Error classes rebuilt by name on the main side; any other name becomes a plain `Error`. */
const classes: Record<string, ErrorClass> = {
  RxgradError,
  ShapeError,
  DTypeError,
  ArgumentError,
  NonFiniteError,
  GradError,
  FormatError,
  WorkerError,
  Error,
  TypeError,
  RangeError,
  ReferenceError,
  SyntaxError,
};

const own = new Set(['name', 'message', 'stack', 'cause']);

/**
 * An error (or any thrown value) as plain data that survives `postMessage`: name, message,
 * stack, and the plain-data own properties (a `NonFiniteError`'s step, say).
 *
 * @example
 * serializeError(new ShapeError('matmul: ...')); // { name: 'ShapeError', message: 'matmul: ...', ... }
 */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: `a non-Error value was thrown: ${String(error)}` };
  }
  const props: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(error)) {
    if (own.has(key)) continue;
    const t = typeof value;
    if (value === null || t === 'string' || t === 'number' || t === 'boolean') props[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, props };
}

/**
 * Rebuilds an error serialized by `serializeError`, as an instance of the same class when it
 * is one of rxgrad's (`ShapeError`, `NonFiniteError`, ...) or a built-in one, so that
 * `instanceof` checks on the main side work as they would in-process.
 *
 * @example
 * deserializeError({ name: 'ShapeError', message: 'bad' }) instanceof ShapeError; // true
 */
export function deserializeError(data: SerializedError): Error {
  const Class = Object.hasOwn(classes, data.name) ? classes[data.name] : Error;
  const error = new Class(data.message);
  if (error.name !== data.name) Object.defineProperty(error, 'name', { value: data.name });
  if (data.stack) error.stack = data.stack;
  if (data.props) Object.assign(error, data.props);
  return error;
}

/**
 * The error a crashed worker reported: the thrown value when the platform passes it on,
 * otherwise the name parsed from a message such as `Uncaught ShapeError: ...`.
 */
export function errorFromCrash(event: { error?: unknown; message?: string }): Error {
  const { error, message } = event;
  if (error instanceof Error) return deserializeError(serializeError(error));
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const e = error as { name?: unknown; message: unknown; stack?: unknown };
    return deserializeError({
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: String(e.message),
      stack: typeof e.stack === 'string' ? e.stack : undefined,
    });
  }
  const text = message ?? 'the worker crashed without a message';
  const m = /^(?:Uncaught )?([A-Za-z]*Error): ([\s\S]*)$/.exec(text);
  if (m && Object.hasOwn(classes, m[1])) return deserializeError({ name: m[1], message: m[2] });
  return new WorkerError(`fitInWorker: the worker crashed: ${text}`);
}
