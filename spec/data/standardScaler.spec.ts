import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  NonFiniteError,
  ShapeError,
  StandardScaler,
  standardScaler,
  tensor,
  zeros,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

const x = tensor([
  [1, 10],
  [3, 10],
  [5, 40],
]);

function close(actual: unknown, expected: number[][] | number[]) {
  const a = (actual as number[][]).flat();
  const e = expected.flat();
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => {
    expect(v).toBeCloseTo(e[i], 12);
  });
}

describe('standardScaler', () => {
  it('learns the mean and population std of each column (hand-computed)', () => {
    const s = standardScaler().fit(x).state();
    expect(s.mean).toEqual([3, 20]);
    expect(s.scale[0]).toBeCloseTo(Math.sqrt(8 / 3), 14);
    expect(s.scale[1]).toBeCloseTo(Math.sqrt(200), 14);
  });

  it('transforms to zero mean and unit variance, and inverts', () => {
    const scaler = standardScaler();
    const z = scaler.fitTransform(x);
    const s0 = Math.sqrt(8 / 3);
    const s1 = Math.sqrt(200);
    close(z.toArray(), [
      [-2 / s0, -10 / s1],
      [0, -10 / s1],
      [2 / s0, 20 / s1],
    ]);
    close(scaler.inverseTransform(z).toArray(), x.toArray() as number[][]);
  });

  it('applies the training statistics to other data (fit on train only)', () => {
    const scaler = standardScaler().fit(x);
    close(scaler.transform(tensor([[3, 20]])).toArray(), [[0, 0]]);
  });

  it('maps a constant column to 0 instead of NaN', () => {
    const c = tensor([
      [7, 1],
      [7, 2],
    ]);
    const scaler = standardScaler().fit(c);
    expect(scaler.state().scale[0]).toBe(1);
    expect(scaler.transform(c).toArray()).toEqual([
      [0, -1],
      [0, 1],
    ]);
  });

  it('withMean / withStd switch centring and scaling off', () => {
    expect(standardScaler({ withMean: false }).fit(x).state().mean).toEqual([0, 0]);
    expect(standardScaler({ withStd: false }).fitTransform(x).toArray()).toEqual([
      [-2, -10],
      [0, -10],
      [2, 20],
    ]);
  });

  it('treats a [n] tensor as one column and keeps dtype and shape', () => {
    const z = standardScaler().fitTransform(tensor([1, 2, 3], { dtype: 'float32' }));
    expect(z.shape).toEqual([3]);
    expect(z.dtype).toBe('float32');
    expect(z.data[0]).toBeCloseTo(-Math.sqrt(1.5), 6);
  });

  it('round-trips its state through JSON', () => {
    const a = standardScaler().fit(x);
    const json = JSON.parse(JSON.stringify(a.state()));
    const b = StandardScaler.fromState(json);
    expect(b.transform(x).toArray()).toEqual(a.transform(x).toArray());
    expect(new StandardScaler().loadState(json).fitted).toBe(true);
  });

  it('rejects NaN, naming the column, and wrong shapes', () => {
    const bad = tensor([
      [1, 2],
      [3, Number.NaN],
    ]);
    expect(() => standardScaler().fit(bad)).toThrow(NonFiniteError);
    expect(() => standardScaler().fit(bad)).toThrow(
      'standardScaler.fit: column 1 holds NaN (row 1), expected finite values; clean or impute the data first',
    );
    const scaler = standardScaler().fit(x);
    expect(() => scaler.transform(bad)).toThrow(NonFiniteError);
    expect(() => scaler.transform(tensor([[1, 2, 3]]))).toThrow(ShapeError);
    expect(() => scaler.transform(tensor([[1, 2, 3]]))).toThrow(
      'standardScaler.transform: fitted on 2 columns, got 3 (shape [1,3])',
    );
    expect(() => scaler.transform(tensor([[[1, 2]]]))).toThrow(ShapeError);
    expect(() => standardScaler().fit(zeros([0, 2]))).toThrow(/no rows/);
  });

  it('refuses to transform before fit, and bad states naming the key', () => {
    expect(() => standardScaler().transform(x)).toThrow(
      'standardScaler.transform: not fitted; call fit(x) first',
    );
    expect(() => standardScaler().state()).toThrow(ArgumentError);
    const good = standardScaler().fit(x).state();
    const { scale: _, ...missing } = good;
    expect(() => StandardScaler.fromState(missing as never)).toThrow(
      'standardScaler.loadState: state is missing key "scale"',
    );
    expect(() => StandardScaler.fromState({ ...good, name: 'minMaxScaler' } as never)).toThrow(
      /expected state name "standardScaler"/,
    );
    expect(() => StandardScaler.fromState({ ...good, scale: [1] })).toThrow(
      /has 1 entries, expected 2/,
    );
    expect(() => StandardScaler.fromState({ ...good, scale: [1, 0] })).toThrow(/positive/);
    expect(() => StandardScaler.fromState({ ...good, mean: [1, 'a'] } as never)).toThrow(
      /finite numbers/,
    );
  });

  // NOTE: fit([[1, 2]]) used to throw a TypeError; values near 1e308 overflowed to std 0 (issue 12).
  it('x must be a tensor', () => {
    expectError(
      () => standardScaler().fit([[1, 2]] as never),
      ArgumentError,
      'standardScaler.fit: x must be a Tensor of shape [samples, features] or [samples], got an array ([[1,2]]); make one with tensor(...)',
    );
  });

  it('does not overflow on values near ±1e308', () => {
    const x = tensor([[1e308], [-1e308], [1e308]]);
    const scaler = standardScaler().fit(x);
    const z = scaler.transform(x);
    // mean 1e308/3, std √8/3·1e308: z = (1 − 1/3)/(√8/3) = 1/√2 and (−1 − 1/3)/(√8/3) = −√2
    expect(z.data[0]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(z.data[1]).toBeCloseTo(-Math.SQRT2, 14);
    const back = scaler.inverseTransform(z);
    expect(Math.abs(back.data[1] / -1e308 - 1)).toBeLessThan(1e-14);
    const tiny = standardScaler().fit(tensor([1e-300, 3e-300]));
    const zt = tiny.transform(tensor([1e-300, 3e-300]));
    expect(zt.data[0]).toBeCloseTo(-1, 14); // not a constant column: (1e-300)² underflows, the scaled sum does not
    expect(zt.data[1]).toBeCloseTo(1, 14);
  });

  it('gives the same bits as the plain formula on ordinary data', () => {
    const x = tensor([
      [1.5, -2],
      [0.25, 7],
      [3, 1e-3],
      [-4.5, 100],
    ]);
    const { mean, scale } = standardScaler().fit(x).state();
    const plain = Array.from(x.data, (v, i) => (v - mean[i % 2]) / scale[i % 2]);
    expect(Array.from(standardScaler().fit(x).transform(x).data)).toEqual(plain);
  });
});
