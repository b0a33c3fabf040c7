import { describe, expect, it } from 'vitest';
import { resolveColumn, resolveColumns } from '../../lib/data/resolveColumn.js';
import { ArgumentError } from '../../lib/index.js';

describe('resolveColumn', () => {
  const names = ['a', 'b', 'c'];

  it('resolves names and indices, negative from the end', () => {
    expect(resolveColumn('b', names, 3, 'f', 'target')).toBe(1);
    expect(resolveColumn(-1, names, 3, 'f', 'target')).toBe(2);
    expect(resolveColumn(-3, names, 3, 'f', 'target')).toBe(0);
    expect(resolveColumns([2, 'a'], names, 3, 'f', 'features')).toEqual([2, 0]);
  });

  it('rejects unknown, ambiguous, out-of-range and unnamed references', () => {
    expect(() => resolveColumn('z', names, 3, 'f', 'target')).toThrow(
      'f: unknown column "z" in target; columns are a, b, c',
    );
    expect(() => resolveColumn('a', ['a', 'a'], 2, 'f', 'target')).toThrow(/ambiguous/);
    expect(() => resolveColumn(3, names, 3, 'f', 'target')).toThrow(
      'f: column index 3 in target is out of range for 3 columns (valid: -3..2)',
    );
    expect(() => resolveColumn('a', undefined, 3, 'f', 'target')).toThrow(/have no names/);
    expect(() => resolveColumn(true as never, names, 3, 'f', 'target')).toThrow(ArgumentError);
    expect(() => resolveColumns('a' as never, names, 3, 'f', 'features')).toThrow(/must be a list/);
  });
});
