import { ArgumentError, excerpt } from '../core/index.js';
import type { Schedule } from './Optimizer.js';

/** Rejects option names that `where` does not know (a typo such as `learningRate` for `lr`). */
export function checkKnown(where: string, options: object, known: readonly string[]): void {
  if (options === null || typeof options !== 'object') {
    throw new ArgumentError(`${where}: options must be an object, got ${excerpt(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ArgumentError(`${where}: unknown option '${key}' (known: ${known.join(', ')})`);
    }
  }
}

/** A finite number in [min, max) (or [min, max] with `closed`), else an ArgumentError. */
export function checkRange(
  where: string,
  arg: string,
  value: unknown,
  min: number,
  max = Number.POSITIVE_INFINITY,
  closed = false,
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    (closed ? value <= max : value < max);
  if (!ok) {
    const range =
      max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `in [${min}, ${max}${closed ? ']' : ')'}`;
    throw new ArgumentError(
      `${where}: ${arg} must be a finite number ${range}, got ${excerpt(value)}`,
    );
  }
  return value as number;
}

/** A learning rate: a non-negative finite number or a schedule function. */
export function checkLr(where: string, lr: unknown): number | Schedule {
  if (typeof lr === 'function') return lr as Schedule;
  if (typeof lr === 'number' && Number.isFinite(lr) && lr >= 0) return lr;
  throw new ArgumentError(
    `${where}: lr must be a non-negative finite number or a schedule (step => lr), got ${typeof lr === 'number' ? lr : typeof lr}`,
  );
}
