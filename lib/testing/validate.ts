import { ArgumentError, excerpt } from '../core/index.js';

function show(value: unknown): string {
  return typeof value === 'number' ? `${value}` : excerpt(value);
}

/** Checks an optional integer option of an arbitrary: `${where}: ${name} must be …`. */
export function intOption(
  value: unknown,
  fallback: number,
  min: number,
  where: string,
  name: string,
  minLabel = `${min}`,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ArgumentError(
      `${where}: ${name} must be an integer ≥ ${minLabel}, got ${show(value)}`,
    );
  }
  return value;
}

/** Checks an optional finite number option. */
export function numberOption(
  value: unknown,
  fallback: number,
  where: string,
  name: string,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ArgumentError(`${where}: ${name} must be a finite number, got ${show(value)}`);
  }
  return value;
}
