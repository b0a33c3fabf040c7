import { ArgumentError } from './errors.js';
import { excerpt, kindOf } from './excerpt.js';

/**
 * Checks an options object: undefined (no options) or a plain object whose every key is one of
 * `known`. A misspelt or unknown option (`biass`, `learningRate`) is an `ArgumentError` listing
 * the known ones, never silently ignored. Returns the options (`{}` for undefined).
 *
 * @example checkOptions({ bias: false }, ['bias', 'dtype'], 'Linear')
 */
export function checkOptions<T extends object>(
  options: T | undefined,
  known: readonly string[],
  where: string,
): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError(
      `${where}: options must be an object with keys among ${known.join(', ')}, got ${kindOf(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ArgumentError(
        `${where}: unknown option ${excerpt(key)}, expected one of ${known.join(', ')}`,
      );
    }
  }
  return options;
}

/** An optional boolean option: `fallback` when undefined, else true or false (an `ArgumentError` otherwise). */
export function booleanOption(
  value: unknown,
  fallback: boolean,
  where: string,
  name: string,
): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new ArgumentError(`${where}: ${name} must be true or false, got ${kindOf(value)}`);
  }
  return value;
}
