import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  NonFiniteError,
  OneHotEncoder,
  oneHotEncoder,
  readCsv,
  ShapeError,
  tensor,
} from '../../lib/index.js';

describe('oneHotEncoder', () => {
  it('encodes a string column of a table in place and passes the others through', () => {
    const table = readCsv('size,colour,weight\n1,red,5\n2,blue,6\n3,red,7\n', {
      categorical: ['colour'],
    });
    const enc = oneHotEncoder({ columns: ['colour'] }).fit(table);
    expect(enc.categories).toEqual([['blue', 'red']]);
    expect(enc.transform(table).toArray()).toEqual([
      [1, 0, 1, 5],
      [2, 1, 0, 6],
      [3, 0, 1, 7],
    ]);
    expect(enc.featureNames()).toEqual(['size', 'colour=blue', 'colour=red', 'weight']);
  });

  it('encodes a numeric column of a tensor chosen by name (like RAD of the house prices)', () => {
    const x = tensor([
      [0.5, 24],
      [0.1, 1],
      [0.2, 24],
      [0.3, 5],
    ]);
    const enc = oneHotEncoder({ columns: ['RAD'] }).fit(x, ['CRIM', 'RAD']);
    expect(enc.categories).toEqual([[1, 5, 24]]);
    expect(enc.transform(x).toArray()).toEqual([
      [0.5, 0, 0, 1],
      [0.1, 1, 0, 0],
      [0.2, 0, 0, 1],
      [0.3, 0, 1, 0],
    ]);
    expect(enc.featureNames()).toEqual(['CRIM', 'RAD=1', 'RAD=5', 'RAD=24']);
  });

  it('encodes every column by default, and a 1-D column of labels', () => {
    expect(oneHotEncoder().fitTransform([2, 0, 1, 0]).toArray()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expect(
      oneHotEncoder()
        .fitTransform([
          ['a', 1],
          ['b', 1],
        ])
        .toArray(),
    ).toEqual([
      [1, 0, 1],
      [0, 1, 1],
    ]);
  });

  it("unknown: 'error' names the category and column; 'ignore' encodes zeros", () => {
    const fitOn = [['red'], ['blue']];
    expect(() =>
      oneHotEncoder()
        .fit(fitOn)
        .transform([['green']]),
    ).toThrow(
      `oneHotEncoder.transform: unknown category "green" in column 0 at row 0; known: "blue", "red"; pass unknown: 'ignore' to encode it as zeros`,
    );
    const enc = oneHotEncoder({ unknown: 'ignore' }).fit(fitOn);
    expect(enc.transform([['green'], ['red']]).toArray()).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it('keeps the input tensor dtype unless told otherwise', () => {
    const x = tensor([[1], [2]], { dtype: 'float32' });
    expect(oneHotEncoder().fitTransform(x).dtype).toBe('float32');
    expect(oneHotEncoder({ dtype: 'float64' }).fitTransform(x).dtype).toBe('float64');
    expect(oneHotEncoder().fitTransform([['a']]).dtype).toBe('float64');
  });

  it('round-trips its state through JSON, policy included', () => {
    const a = oneHotEncoder({ columns: [1], unknown: 'ignore' }).fit([
      [1, 'x'],
      [2, 'y'],
    ]);
    const b = OneHotEncoder.fromState(JSON.parse(JSON.stringify(a.state())));
    expect(b.unknown).toBe('ignore');
    expect(
      b
        .transform([
          [3, 'y'],
          [4, 'z'],
        ])
        .toArray(),
    ).toEqual([
      [3, 0, 1],
      [4, 0, 0],
    ]);
  });

  it('rejects NaN naming the column, text in a passed-through column, and bad widths', () => {
    expect(() => oneHotEncoder().fit(tensor([[1], [Number.NaN]]))).toThrow(NonFiniteError);
    const enc = oneHotEncoder({ columns: [0] }).fit([
      ['a', 1],
      ['b', 2],
    ]);
    expect(() => enc.transform([['a', Number.NaN]])).toThrow(
      'oneHotEncoder.transform: column 1 holds NaN at row 0',
    );
    expect(() => enc.transform([['a', 'oops']])).toThrow(
      /column 1 holds text "oops" at row 0; list it in columns/,
    );
    expect(() => enc.transform([['a']])).toThrow(ShapeError);
    expect(() => enc.transform([['a', 1], ['b']])).toThrow(/row 1 has 1 cells, expected 2/);
    expect(() => oneHotEncoder({ columns: ['nope'] }).fit([[1]])).toThrow(
      /unknown column "nope" in columns/,
    );
    expect(() => oneHotEncoder({ unknown: 'skip' as 'ignore' })).toThrow(ArgumentError);
    expect(() => oneHotEncoder().fit([[1, 2]], ['a'])).toThrow(/1 names for 2 columns/);
    expect(() => oneHotEncoder().fit([])).toThrow(
      'oneHotEncoder.fit: no rows to learn categories from',
    );
  });

  it('refuses to transform before fit, and states with a missing or bad key', () => {
    expect(() => oneHotEncoder().transform([[1]])).toThrow(/not fitted/);
    const s = oneHotEncoder()
      .fit([[1], [2]])
      .state();
    const { categories: _, ...missing } = s;
    expect(() => OneHotEncoder.fromState(missing as never)).toThrow(
      'oneHotEncoder.loadState: state is missing key "categories"',
    );
    expect(() => OneHotEncoder.fromState({ ...s, columns: [3] })).toThrow(/column indices below 1/);
  });
});
