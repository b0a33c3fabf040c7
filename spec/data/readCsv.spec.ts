import { describe, expect, it } from 'vitest';
import { ArgumentError, FormatError, NonFiniteError, readCsv } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('readCsv', () => {
  it('converts numeric columns and keeps categorical ones as strings', () => {
    const t = readCsv('colour,size,weight\nred,1,2.5\nblue,-2,1e3\n', { categorical: ['colour'] });
    expect(t.names).toEqual(['colour', 'size', 'weight']);
    expect(t.rows).toEqual([
      ['red', 1, 2.5],
      ['blue', -2, 1000],
    ]);
    expect(t.lines).toEqual([2, 3]);
  });

  it('skips several header rows, takes names from the chosen one and keeps the raw header', () => {
    const text = '2,2,extra\na,b\n1,2\n3,4\n';
    const t = readCsv(text, { headerRows: 2, namesRow: 1 });
    expect(t.names).toEqual(['a', 'b']);
    expect(t.header).toEqual([
      ['2', '2', 'extra'],
      ['a', 'b'],
    ]);
    expect(t.rows).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('names columns by index without a names row, or from columnNames', () => {
    expect(readCsv('1,2\n3,4', { headerRows: 0 }).names).toEqual(['0', '1']);
    expect(readCsv('1,2\n3,4', { headerRows: 0, columnNames: ['p', 'q'] }).names).toEqual([
      'p',
      'q',
    ]);
    expect(readCsv('h\n1,2', { namesRow: null }).rows).toEqual([[1, 2]]);
  });

  it('selects columns by name or index (negative from the end), in the given order', () => {
    const text = 'a,b,c\n1,2,3\n4,5,6\n';
    expect(readCsv(text, { columns: ['c', 0] }).rows).toEqual([
      [3, 1],
      [6, 4],
    ]);
    expect(readCsv(text, { columns: [-1] }).names).toEqual(['c']);
  });

  it('only converts the kept columns', () => {
    const t = readCsv('id,x\nabc,1\ndef,2\n', { columns: ['x'] });
    expect(t.rows).toEqual([[1], [2]]);
  });

  it('skips empty lines but counts them in line numbers; handles CRLF and quotes', () => {
    const text = 'a,b\r\n1,2\r\n\r\n"3",4\r\nx,5\r\n';
    expect(() => readCsv(text)).toThrow(/line 5, column "a" \(index 0\)/);
    expect(readCsv('a,b\r\n1,2\r\n\r\n"3",4\r\n').rows).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('counts the lines of a quoted field spanning two lines', () => {
    const text = 'a,b\n"x\ny",1\nz,oops\n';
    expect(() => readCsv(text, { categorical: ['a'] })).toThrow(
      'readCsv: "oops" at line 4, column "b" (index 1) is not a number',
    );
    const ok = readCsv('a,b\n"x\ny",1\nz,2\n', { categorical: ['a'] });
    expect(ok.rows).toEqual([
      ['x\ny', 1],
      ['z', 2],
    ]);
    expect(ok.lines).toEqual([2, 4]);
  });

  it('names the line and column of a value that is not a number', () => {
    const err = (() => {
      try {
        readCsv('a,b\n1,2\n3,abc\n');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FormatError);
    expect((err as Error).message).toBe(
      'readCsv: "abc" at line 3, column "b" (index 1) is not a number; list the column in categorical to keep it as text',
    );
  });

  it('rejects number-like text that is not a decimal number', () => {
    for (const bad of ['0x10', '1,5', '1_000', '--1', '1e']) {
      expect(() => readCsv(`a\n${JSON.stringify(bad)}\n`)).toThrow(FormatError);
    }
  });

  it('rejects missing values (empty, NaN, NA) by default, naming line and column', () => {
    expect(() => readCsv('a,b\n1,\n')).toThrow(
      `readCsv: missing value "" at line 2, column "b" (index 1); pass missing: 'drop' to drop such rows`,
    );
    expect(() => readCsv('a,b\n1,2\nNaN,2\n')).toThrow(/missing value "NaN" at line 3, column "a"/);
    expect(() => readCsv('a,b\nNA,2\n')).toThrow(FormatError);
  });

  it("drops rows with a missing value when missing: 'drop'", () => {
    const t = readCsv('a,b\n1,\n2,3\nnan,4\n5,6\n', { missing: 'drop' });
    expect(t.rows).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(t.lines).toEqual([3, 5]);
  });

  it('rejects infinite values with a NonFiniteError', () => {
    expect(() => readCsv('a\ninf\n')).toThrow(NonFiniteError);
    expect(() => readCsv('a\n-Infinity\n')).toThrow(/non-finite value "-Infinity" at line 2/);
  });

  it('rejects rows with the wrong number of fields', () => {
    expect(() => readCsv('a,b\n1,2\n3\n')).toThrow(
      'readCsv: line 3 has 1 fields, expected 2 (header names)',
    );
    expect(() => readCsv('1,2\n3,4,5\n', { headerRows: 0 })).toThrow(/line 2 has 3 fields/);
  });

  it('reports an unterminated quote as a FormatError with its line', () => {
    expect(() => readCsv('a,b\n1,"2\n')).toThrow(FormatError);
    expect(() => readCsv('a,b\n1,"2\n')).toThrow(/line 2/);
  });

  it('rejects unknown columns, bad indices, duplicates and bad options', () => {
    const text = 'a,b\n1,2\n';
    expect(() => readCsv(text, { columns: ['z'] })).toThrow(
      'readCsv: unknown column "z" in columns; columns are a, b',
    );
    expect(() => readCsv(text, { columns: [2] })).toThrow(ArgumentError);
    expect(() => readCsv(text, { columns: [-3] })).toThrow(/out of range for 2 columns/);
    expect(() => readCsv(text, { columns: [0, 'a'] })).toThrow(/twice/);
    expect(() => readCsv(text, { categorical: ['q'] })).toThrow(
      /unknown column "q" in categorical/,
    );
    expect(() => readCsv(text, { headerRows: -1 })).toThrow(/headerRows must be/);
    expect(() => readCsv(text, { namesRow: 1 })).toThrow(/namesRow/);
    expect(() => readCsv(text, { missing: 'skip' as 'drop' })).toThrow(/missing must be/);
    expect(() => readCsv('a\n', { headerRows: 2 })).toThrow(FormatError);
  });

  it('uses another delimiter', () => {
    expect(readCsv('a;b\n1;2\n', { delimiter: ';' }).rows).toEqual([[1, 2]]);
  });

  // NOTE: these loaded as Infinity (issue 12), while a cell reading inf was a NonFiniteError.
  it('a number that overflows is a NonFiniteError like inf', () => {
    expectError(
      () => readCsv('a,b\n1,1e400\n'),
      NonFiniteError,
      'readCsv: "1e400" at line 2, column "b" (index 1) overflows to Infinity, expected a finite number',
    );
    expectError(
      () => readCsv('a\n-1e309\n'),
      NonFiniteError,
      'readCsv: "-1e309" at line 2, column "a" (index 0) overflows to -Infinity, expected a finite number',
    );
    expect(readCsv('a\n1e308\n').rows).toEqual([[1e308]]);
  });

  // NOTE: a byte-order mark used to shift every reported line number by one.
  it('ignores a UTF-8 byte-order mark: names and line numbers are as without it', () => {
    const t = readCsv('\uFEFFa,b\n1,2\n3,4\n');
    expect(t.names).toEqual(['a', 'b']);
    expect(t.lines).toEqual([2, 3]);
    expectError(
      () => readCsv('\uFEFFa,b\n1,2\n3,x\n'),
      FormatError,
      'readCsv: "x" at line 3, column "b" (index 1) is not a number; list the column in categorical to keep it as text',
    );
  });

  // NOTE: papaparse takes the first line ending for all lines; rows used to merge into one cell.
  it('mixed CRLF, LF and CR line endings do not merge rows', () => {
    const t = readCsv('a,b\r\n1,2\n3,4\r\n5,6\r7,8\n');
    expect(t.rows).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    expect(t.lines).toEqual([2, 3, 4, 5]);
    expectError(
      () => readCsv('a,b\n1,2\r\n3\r\n'),
      FormatError,
      'readCsv: line 3 has 1 fields, expected 2 (header names)',
    );
  });

  it('rejects unknown options and text that is not a string', () => {
    expectError(
      () => readCsv('a\n1\n', { header: 1 } as never),
      ArgumentError,
      'readCsv: unknown option "header", expected one of headerRows, namesRow, columnNames, delimiter, columns, categorical, missing',
    );
    expectError(
      () => readCsv(new Uint8Array(3) as never),
      ArgumentError,
      'readCsv: expected the CSV text as a string, got a Uint8Array',
    );
  });
});
