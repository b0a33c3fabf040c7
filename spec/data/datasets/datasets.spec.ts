import { describe, expect, it } from 'vitest';
import { datasets, oneHotEncoder } from '../../../lib/index.js';

const count = (y: ArrayLike<number>, c: number) => Array.from(y).filter((v) => v === c).length;
const columnMean = (x: { data: ArrayLike<number>; shape: readonly number[] }, j: number) => {
  const [n, d] = x.shape;
  let s = 0;
  for (let i = 0; i < n; i++) s += x.data[i * d + j];
  return s / n;
};

describe('datasets', () => {
  it('breastCancer: 569 × 30, 212 malignant (0) and 357 benign (1), scikit-learn names', () => {
    const ds = datasets.breastCancer();
    expect(ds.x.shape).toEqual([569, 30]);
    expect(ds.y.shape).toEqual([569]);
    expect([count(ds.y.data, 0), count(ds.y.data, 1)]).toEqual([212, 357]);
    expect(ds.classNames).toEqual(['malignant', 'benign']);
    expect(ds.featureNames?.length).toBe(30);
    expect(ds.featureNames?.[0]).toBe('mean radius');
    expect(ds.featureNames?.[10]).toBe('radius error');
    expect(ds.featureNames?.[29]).toBe('worst fractal dimension');
    expect(ds.x.data[0]).toBe(17.99); // first value of the first sample in the file
  });

  it('iris: 150 × 4, 50 per class, known mean sepal length 5.8433', () => {
    const ds = datasets.iris();
    expect(ds.x.shape).toEqual([150, 4]);
    expect([0, 1, 2].map((c) => count(ds.y.data, c))).toEqual([50, 50, 50]);
    expect(ds.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(ds.featureNames).toEqual([
      'sepal length (cm)',
      'sepal width (cm)',
      'petal length (cm)',
      'petal width (cm)',
    ]);
    expect(columnMean(ds.x, 0)).toBeCloseTo(5.8433, 4);
  });

  it('wine: 178 × 13, classes of 59, 71 and 48', () => {
    const ds = datasets.wine();
    expect(ds.x.shape).toEqual([178, 13]);
    expect([0, 1, 2].map((c) => count(ds.y.data, c))).toEqual([59, 71, 48]);
    expect(ds.classNames).toEqual(['class_0', 'class_1', 'class_2']);
    expect(ds.featureNames?.[12]).toBe('proline');
  });

  it('digits: 1797 × 64 pixels in 0..16, ten classes', () => {
    const ds = datasets.digits();
    expect(ds.x.shape).toEqual([1797, 64]);
    expect(ds.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(Math.min(...ds.x.data)).toBe(0);
    expect(Math.max(...ds.x.data)).toBe(16);
    expect(new Set(ds.y.data).size).toBe(10);
    expect(ds.featureNames?.[9]).toBe('pixel_1_1');
  });

  it('housePrices: 506 × 12 without column B, CHAS and RAD kept, MEDV mean 22.5328', () => {
    const ds = datasets.housePrices();
    expect(ds.x.shape).toEqual([506, 12]);
    expect(ds.featureNames).toEqual([
      'CRIM',
      'ZN',
      'INDUS',
      'CHAS',
      'NOX',
      'RM',
      'AGE',
      'DIS',
      'RAD',
      'TAX',
      'PTRATIO',
      'LSTAT',
    ]);
    expect(ds.featureNames).not.toContain('B');
    expect(ds.classNames).toBeUndefined();
    expect(ds.y.data[0]).toBe(24);
    expect(Array.from(ds.y.data).reduce((a, b) => a + b, 0) / 506).toBeCloseTo(22.5328, 4);
    // RAD is an index with 9 distinct values: one-hot encodes to 12 − 1 + 9 columns
    const enc = oneHotEncoder({ columns: ['RAD'] }).fit(ds.x, ds.featureNames);
    expect(enc.categories[0]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 24]);
    expect(enc.transform(ds.x).shape).toEqual([506, 20]);
  });

  it('returns fresh copies (writing into one load does not change the next) in the asked dtype', () => {
    const a = datasets.iris();
    a.x.data[0] = 999;
    expect(datasets.iris().x.data[0]).toBe(5.1);
    const f = datasets.iris({ dtype: 'float32' });
    expect(f.x.dtype).toBe('float32');
    expect(f.y.dtype).toBe('float32');
    expect(() => datasets.iris({ dtype: 'int8' as 'float32' })).toThrow(/datasets.iris: dtype/);
  });
});
