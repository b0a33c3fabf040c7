import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  MinMaxScaler,
  minMaxScaler,
  NonFiniteError,
  ShapeError,
  tensor,
} from '../../lib/index.js';

const x = tensor([
  [1, -2],
  [3, 0],
  [5, 6],
]);

describe('minMaxScaler', () => {
  it('maps each column onto [0, 1] by default (hand-computed) and inverts', () => {
    const scaler = minMaxScaler();
    const z = scaler.fitTransform(x);
    expect(z.toArray()).toEqual([
      [0, 0],
      [0.5, 0.25],
      [1, 1],
    ]);
    expect(scaler.inverseTransform(z).toArray()).toEqual(x.toArray());
    expect(scaler.state()).toEqual({
      name: 'minMaxScaler',
      range: [0, 1],
      min: [1, -2],
      max: [5, 6],
    });
  });

  it('maps onto another range, and new data with the training min and max', () => {
    const scaler = minMaxScaler({ range: [-1, 1] }).fit(x);
    expect(scaler.transform(tensor([[7, 2]])).toArray()).toEqual([[2, 0]]);
  });

  it('maps a constant column to the lower end of the range', () => {
    const c = tensor([
      [4, 0],
      [4, 1],
    ]);
    expect(
      minMaxScaler({ range: [2, 3] })
        .fitTransform(c)
        .toArray(),
    ).toEqual([
      [2, 2],
      [2, 3],
    ]);
  });

  it('round-trips its state through JSON', () => {
    const a = minMaxScaler({ range: [-1, 1] }).fit(x);
    const b = MinMaxScaler.fromState(JSON.parse(JSON.stringify(a.state())));
    expect(b.range).toEqual([-1, 1]);
    expect(b.transform(x).toArray()).toEqual(a.transform(x).toArray());
  });

  it('rejects NaN naming the column, bad ranges, wrong widths and bad states', () => {
    expect(() => minMaxScaler().fit(tensor([[1, Number.NaN]]))).toThrow(NonFiniteError);
    expect(() => minMaxScaler().fit(tensor([[1, Number.NaN]]))).toThrow(/column 1 holds NaN/);
    expect(() => minMaxScaler({ range: [1, 1] })).toThrow(
      'minMaxScaler: range must be [lo, hi] with lo < hi, got [1,1]',
    );
    expect(() =>
      minMaxScaler()
        .fit(x)
        .transform(tensor([1, 2])),
    ).toThrow(ShapeError);
    expect(() => minMaxScaler().transform(x)).toThrow(/not fitted/);
    const { max: _, ...missing } = minMaxScaler().fit(x).state();
    expect(() => MinMaxScaler.fromState(missing as never)).toThrow(
      'minMaxScaler.loadState: state is missing key "max"',
    );
    expect(() =>
      MinMaxScaler.fromState({ name: 'minMaxScaler', range: [0, 1], min: [2], max: [1] }),
    ).toThrow(ArgumentError);
  });

  // NOTE: a column spanning ±1e308 used to give NaN (max − min overflows) (issue 12).
  it('does not overflow on a column spanning ±1e308', () => {
    const x = tensor([[1e308], [-1e308], [0]]);
    const scaler = minMaxScaler().fit(x);
    expect(scaler.transform(x).toArray()).toEqual([[1], [0], [0.5]]);
    expect(scaler.inverseTransform(tensor([[1], [0]])).toArray()).toEqual([[1e308], [-1e308]]);
  });

  it('gives the same bits as the plain formula on ordinary data', () => {
    const x = tensor([
      [1.5, -2],
      [0.25, 7],
      [3, 1e-3],
      [-4.5, 100],
    ]);
    const scaler = minMaxScaler({ range: [-1, 1] }).fit(x);
    const { min, max } = scaler.state();
    const plain = Array.from(
      x.data,
      (v, i) => -1 + (v - min[i % 2]) * (2 / (max[i % 2] - min[i % 2])),
    );
    expect(Array.from(scaler.transform(x).data)).toEqual(plain);
  });
});
