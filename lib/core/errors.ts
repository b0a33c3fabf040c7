/** Base class of every error rxgrad throws on purpose. */
export class RxgradError extends Error {
  /** `'RxgradError'`, as `error.name` (kept by `serializeError` across workers). */
  override name = 'RxgradError';
}

/** A tensor had the wrong shape for an op: `matmul: inner dimensions must agree, got [2,3] @ [4,5]`. */
export class ShapeError extends RxgradError {
  /** `'ShapeError'`, as `error.name` (kept by `serializeError` across workers). */
  override name = 'ShapeError';
}

/** A tensor had a dtype an op does not accept, or two dtypes could not be combined. */
export class DTypeError extends RxgradError {
  /** `'DTypeError'`, as `error.name` (kept by `serializeError` across workers). */
  override name = 'DTypeError';
}

/** An argument or option was invalid (out of range, wrong type, unknown name). */
export class ArgumentError extends RxgradError {
  /** `'ArgumentError'`, as `error.name` (kept by `serializeError` across workers). */
  override name = 'ArgumentError';
}

/** A value that must be finite was NaN or ±Infinity (a loss, a data set, a gradient). */
export class NonFiniteError extends RxgradError {
  /** `'NonFiniteError'`, as `error.name` (kept by `serializeError` across workers). */
  override name = 'NonFiniteError';
}

/** Differentiation was asked for something that cannot be differentiated. */
export class GradError extends RxgradError {
  /** `'GradError'`, as `error.name` (kept by `serializeError` across workers). */
  override name = 'GradError';
}

/** Data could not be parsed or decoded (a CSV line, a file header). */
export class FormatError extends RxgradError {
  /** `'FormatError'`, as `error.name` (kept by `serializeError` across workers). */
  override name = 'FormatError';
}

/**
 * An optional peer dependency that a feature needs is not installed:
 * `linePlot: rxgrad/plot needs vega and vega-lite (optional peer dependencies): npm install vega vega-lite`.
 */
export class DependencyError extends RxgradError {
  /** `'DependencyError'`, as `error.name` (kept by `serializeError` across workers). */
  override name = 'DependencyError';
}

/**
 * Runs `fn`; an rxgrad error it throws is thrown again, of the same class, with `context` in
 * front of its message (`mlp: layers.2: Linear: …`) and the original as its cause. So the
 * message names the function the user called, and still what failed inside it. An error whose
 * message already starts with `context` is thrown as it is.
 */
export function inContext<T>(context: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    // NOTE: an error that already names the context passes unchanged (no `fit: fit: …`).
    if (!(e instanceof RxgradError) || e.message.startsWith(`${context}:`)) throw e;
    const Class = e.constructor as new (message: string, options?: ErrorOptions) => RxgradError;
    throw new Class(`${context}: ${e.message}`, { cause: e });
  }
}
