import { FormatError } from '../core/index.js';
import { checkJson } from './checkJson.js';

const SPECIAL = '$number';

/**
 * JSON text of plain data in which every number survives exactly: finite numbers as JSON
 * (JavaScript prints the shortest text that parses back to the same double), and the values
 * JSON cannot hold, NaN, ±Infinity and −0, as `{ "$number": "NaN" }` and the like.
 *
 * @example
 * parseExact(stringifyExact({ lr: 0.1, worst: -Infinity })); // { lr: 0.1, worst: -Infinity }
 */
export function stringifyExact(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'number' || (Number.isFinite(v) && !Object.is(v, -0))) return v;
    return { [SPECIAL]: Object.is(v, -0) ? '-0' : String(v) };
  });
}

/**
 * The inverse of `stringifyExact`; a `FormatError` naming `where` on invalid JSON, on a key
 * given twice in one object, and on nesting deeper than 64 levels (see `checkJson`).
 */
export function parseExact(text: string, where: string): unknown {
  if (typeof text !== 'string') {
    throw new FormatError(`${where}: expected JSON text, got ${typeof text}`);
  }
  checkJson(text, where);
  try {
    return JSON.parse(text, (_key, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const keys = Object.keys(v);
      if (keys.length !== 1 || keys[0] !== SPECIAL) return v;
      const s = (v as Record<string, unknown>)[SPECIAL];
      if (s === '-0') return -0;
      if (s === 'NaN' || s === 'Infinity' || s === '-Infinity') return Number(s);
      return v;
    });
  } catch (e) {
    throw new FormatError(`${where}: invalid JSON (${(e as Error).message})`);
  }
}
