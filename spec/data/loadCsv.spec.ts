import { describe, expect, it } from 'vitest';
import { ArgumentError, FormatError, loadCsv, NonFiniteError, readCsv } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

const text = 'a,b,c,label\n1,2,3,0\n4,5,6,1\n7,8,9,1\n';

describe('loadCsv', () => {
  it('loads features [n, f] and the last column as target [n] by default', () => {
    const ds = loadCsv(text);
    expect(ds.x.shape).toEqual([3, 3]);
    expect(ds.x.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(ds.y.toArray()).toEqual([0, 1, 1]);
    expect(ds.featureNames).toEqual(['a', 'b', 'c']);
    expect(ds.x.dtype).toBe('float64');
    expect(ds.x.requiresGrad).toBe(false);
  });

  it('takes the target and the features by name or index, in the given order', () => {
    const ds = loadCsv(text, { target: 'a', features: ['c', 1] });
    expect(ds.featureNames).toEqual(['c', 'b']);
    expect(ds.x.toArray()).toEqual([
      [3, 2],
      [6, 5],
      [9, 8],
    ]);
    expect(ds.y.toArray()).toEqual([1, 4, 7]);
    expect(loadCsv(text, { target: 0 }).featureNames).toEqual(['b', 'c', 'label']);
  });

  it('ignores columns that are not selected, even non-numeric ones', () => {
    const ds = loadCsv('id,x,y\nabc,1,2\n,3,4\n', { features: ['x'], target: 'y' });
    expect(ds.x.toArray()).toEqual([[1], [3]]);
  });

  it('label-encodes a categorical target (sorted) and names the classes', () => {
    const ds = loadCsv('x,species\n1,virginica\n2,setosa\n3,virginica\n', {
      categorical: ['species'],
    });
    expect(ds.classNames).toEqual(['setosa', 'virginica']);
    expect(ds.y.toArray()).toEqual([1, 0, 1]);
  });

  it('keeps given class names and dtype', () => {
    const ds = loadCsv(text, { classNames: ['no', 'yes'], dtype: 'float32' });
    expect(ds.classNames).toEqual(['no', 'yes']);
    expect(ds.x.dtype).toBe('float32');
    expect(ds.y.dtype).toBe('float32');
  });

  it('rejects an unknown target or feature column, naming it and the columns', () => {
    expect(() => loadCsv(text, { target: 'price' })).toThrow(
      'loadCsv: unknown column "price" in target; columns are a, b, c, label',
    );
    expect(() => loadCsv(text, { features: ['a', 'zz'] })).toThrow(
      /unknown column "zz" in features/,
    );
    expect(() => loadCsv(text, { target: 4 })).toThrow(ArgumentError);
    expect(() => loadCsv(text, { target: 1.5 })).toThrow(/column index 1.5 in target/);
  });

  it('rejects a target that is also a feature, and categorical features', () => {
    expect(() => loadCsv(text, { target: 'a', features: ['a', 'b'] })).toThrow(
      'loadCsv: column "a" (index 0) is both the target and a feature',
    );
    expect(() => loadCsv('c,y\nred,1\n', { categorical: ['c'] })).toThrow(
      /feature column "c" is categorical; read it with readCsv and encode it with oneHotEncoder/,
    );
    expect(() => loadCsv(text, { columns: ['a'] } as never)).toThrow(ArgumentError);
  });

  it('names the line and column of a bad value, and rejects empty cells', () => {
    expect(() => loadCsv('a,y\n1,0\n2,0\nx,1\n')).toThrow(
      /"x" at line 4, column "a" \(index 0\) is not a number/,
    );
    expect(() => loadCsv('a,y\n1,0\n,1\n')).toThrow(FormatError);
    expect(loadCsv('a,y\n1,0\n,1\n', { missing: 'drop' }).length).toBe(1);
  });

  it('rejects a CSV without data rows and a bad dtype', () => {
    expect(() => loadCsv('a,b\n')).toThrow('loadCsv: the CSV has no data rows');
    expect(() => loadCsv(text, { dtype: 'int32' as 'float32' })).toThrow(/dtype/);
  });

  // NOTE: 1e39 used to load as Infinity into a float32 data set (issue 12).
  it('a value beyond float32 in a float32 data set is a NonFiniteError', () => {
    expectError(
      () => loadCsv('a,y\n1e39,0\n', { dtype: 'float32' }),
      NonFiniteError,
      'loadCsv: "1e39" at line 2, column "a" (index 0) overflows float32 to Infinity, expected a finite number',
    );
    expect(loadCsv('a,y\n1e39,0\n').x.data[0]).toBe(1e39);
    expectError(
      () => loadCsv('a,y\n1,0\n', { target: 'y', label: 'y' } as never),
      ArgumentError,
      'loadCsv: unknown option "label", expected one of headerRows, namesRow, columnNames, delimiter, categorical, missing, target, features, dtype, classNames',
    );
  });
});

describe('loadCsv given a file name', () => {
  it('says the text looks like a file name and where to read files', () => {
    expectError(
      () => loadCsv('houses.csv', { target: 'price' }),
      ArgumentError,
      'loadCsv: text must be the CSV\'s contents, got "houses.csv", which looks like a file name: in Node read the file with loadCsvFile(path, options) from rxgrad/node; in a browser, fetch it and pass its text',
    );
    expect(() => readCsv('./data/x.tsv')).toThrow(/^readCsv: .* with readCsvFile\(path, options\)/);
    // a one-line CSV with a delimiter is CSV, not a file name
    expect(() => loadCsv('a,b.csv')).toThrow(FormatError);
  });
});
