import { ArgumentError, excerpt } from '../core/index.js';
import type { ColumnRef } from './Table.js';

/**
 * The 0-based index of the column `ref` (a header name, or an index where negative counts from
 * the end) among `width` columns named `names`; an `ArgumentError` naming `where` and `what`
 * for an unknown name or an index out of range.
 *
 * @example
 * resolveColumn('b', ['a', 'b', 'c'], 3, 'loadCsv', 'target'); // 1
 * resolveColumn(-1, ['a', 'b', 'c'], 3, 'loadCsv', 'target'); // 2
 */
export function resolveColumn(
  ref: ColumnRef,
  names: readonly string[] | undefined,
  width: number,
  where: string,
  what: string,
): number {
  if (typeof ref === 'number') {
    if (!Number.isInteger(ref) || ref < -width || ref >= width) {
      throw new ArgumentError(
        `${where}: column index ${ref} in ${what} is out of range for ${width} columns (valid: ${-width}..${width - 1})`,
      );
    }
    return ref < 0 ? ref + width : ref;
  }
  if (typeof ref !== 'string') {
    throw new ArgumentError(
      `${where}: a column in ${what} must be a name or an index, got ${excerpt(ref)}`,
    );
  }
  if (!names) {
    throw new ArgumentError(
      `${where}: column "${ref}" in ${what} is given by name but the columns have no names; use an index`,
    );
  }
  const first = names.indexOf(ref);
  if (first < 0) {
    const shown = names.length > 20 ? `${names.slice(0, 20).join(', ')}, ...` : names.join(', ');
    throw new ArgumentError(`${where}: unknown column "${ref}" in ${what}; columns are ${shown}`);
  }
  if (names.indexOf(ref, first + 1) >= 0) {
    throw new ArgumentError(
      `${where}: column name "${ref}" in ${what} is ambiguous (it names several columns); use an index`,
    );
  }
  return first;
}

/** Resolves a list of column refs, rejecting duplicates. */
export function resolveColumns(
  refs: readonly ColumnRef[],
  names: readonly string[] | undefined,
  width: number,
  where: string,
  what: string,
): number[] {
  if (!Array.isArray(refs)) {
    throw new ArgumentError(
      `${where}: ${what} must be a list of column names or indices, got ${excerpt(refs)}`,
    );
  }
  const out = refs.map((r) => resolveColumn(r, names, width, where, what));
  const seen = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    if (seen.has(out[i])) {
      throw new ArgumentError(
        `${where}: ${what} lists column ${excerpt(refs[i])} (index ${out[i]}) twice`,
      );
    }
    seen.add(out[i]);
  }
  return out;
}
