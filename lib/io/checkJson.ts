import { excerpt, FormatError } from '../core/index.js';

/** The deepest nesting of arrays and objects that rxgrad reads from a file's JSON. */
export const MAX_JSON_DEPTH = 64;

/**
 * Checks JSON text before it is parsed: nesting at most `MAX_JSON_DEPTH` deep (deeper is a
 * `FormatError`, not a stack overflow in whatever walks the value later), and no key twice in
 * one object (JSON.parse would silently keep the last). One iterative pass, no recursion;
 * other syntax errors are left to JSON.parse.
 *
 * @example checkJson('{"a":1,"a":2}', 'load')  // FormatError: load: duplicate key "a" …
 */
export function checkJson(text: string, where: string): void {
  // One entry per open container: the keys seen so far in an object, null for an array.
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x22) break;
        if (d === 0x5c /* \ */) {
          escaped = true;
          j++;
        }
      }
      const keys = open[open.length - 1];
      if (keys && expectKey) {
        const key = escaped ? parseString(text.slice(i, j + 1)) : text.slice(i + 1, j);
        if (key !== null && keys.has(key)) {
          throw new FormatError(
            `${where}: duplicate key ${excerpt(key)} in a JSON object, expected each key once (which value would count is ambiguous)`,
          );
        }
        if (key !== null) keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      open.push(c === 0x7b ? new Set() : null);
      expectKey = c === 0x7b;
      if (open.length > MAX_JSON_DEPTH) {
        throw new FormatError(
          `${where}: JSON nested deeper than ${MAX_JSON_DEPTH} levels (at character ${i}), expected at most ${MAX_JSON_DEPTH}`,
        );
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = open.length > 0 && open[open.length - 1] !== null;
    }
  }
}

function parseString(literal: string): string | null {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return null; // invalid: JSON.parse of the whole text reports it
  }
}
