import { ArgumentError, booleanOption, checkOptions, excerpt } from '../core/index.js';
import { classLabels } from './classLabels.js';
import { type DataLike, type Dataset, expectDataset } from './Dataset.js';
import { rngFrom, type SeedOptions } from './rngFrom.js';

/** Options of `trainTestSplit`. */
export interface TrainTestSplitOptions extends SeedOptions {
  /** Fraction of the samples in the test set, in (0, 1). Default 0.2. */
  testFraction?: number;
  /** Keep the class proportions of `y` in both parts (class indices, or argmax of one-hot rows). */
  stratify?: boolean;
  /** Shuffle before splitting (default true); `false` takes the last samples as the test set. */
  shuffle?: boolean;
}

/** Test-set size per class: largest-remainder rounding of the proportional shares, summing to `nTest`. */
function allocate(counts: number[], n: number, nTest: number): number[] {
  const shares = counts.map((c) => (c * nTest) / n);
  const out = shares.map(Math.floor);
  let left = nTest - out.reduce((a, b) => a + b, 0);
  const order = counts
    .map((_, i) => i)
    .sort((a, b) => shares[b] - out[b] - (shares[a] - out[a]) || counts[b] - counts[a] || a - b);
  for (const i of order) {
    if (left === 0) break;
    out[i]++;
    left--;
  }
  return out;
}

/**
 * Splits `ds` into a training and a test set: `ceil(n·testFraction)` test samples (as
 * scikit-learn), drawn by a seeded permutation, optionally stratified by class.
 *
 * @example
 * const { train, test } = trainTestSplit(ds, { testFraction: 0.2, seed: 42, stratify: true });
 */
export function trainTestSplit(
  dataset: DataLike,
  options: TrainTestSplitOptions = {},
): {
  /** The training part: the samples not in `test`. */
  train: Dataset;
  /** The test part: `ceil(n·testFraction)` samples. */
  test: Dataset;
} {
  const where = 'trainTestSplit';
  const ds = expectDataset(dataset, where);
  const o = checkOptions(options, ['testFraction', 'stratify', 'shuffle', 'seed', 'rng'], where);
  const f = o.testFraction ?? 0.2;
  if (typeof f !== 'number' || !(f > 0 && f < 1)) {
    throw new ArgumentError(`${where}: testFraction must be in (0, 1), got ${excerpt(f)}`);
  }
  const n = ds.length;
  // NOTE: n·f is rounded up as in scikit-learn; the epsilon keeps 100·0.07 = 7.000000000000001 at 7.
  const nTest = Math.ceil(n * f - 1e-9);
  if (nTest < 1 || nTest > n - 1) {
    throw new ArgumentError(
      `${where}: testFraction ${f} of ${n} samples gives ${nTest} test and ${n - nTest} training samples; both need at least one`,
    );
  }
  const shuffle = booleanOption(o.shuffle, true, where, 'shuffle');
  const stratify = booleanOption(o.stratify, false, where, 'stratify');
  if (!shuffle) {
    if (stratify) {
      throw new ArgumentError(`${where}: stratify needs shuffle: true`);
    }
    const idx = Array.from({ length: n }, (_, i) => i);
    return { train: ds.subset(idx.slice(0, n - nTest)), test: ds.subset(idx.slice(n - nTest)) };
  }
  const rng = rngFrom(o, where);
  if (!stratify) {
    const perm = rng.permutation(n);
    return { train: ds.subset(perm.slice(nTest)), test: ds.subset(perm.slice(0, nTest)) };
  }
  const labels = classLabels(ds.y, where);
  const groups = new Map<number, number[]>();
  labels.forEach((label, i) => {
    const g = groups.get(label);
    if (g) g.push(i);
    else groups.set(label, [i]);
  });
  const classes = [...groups.keys()].sort((a, b) => a - b);
  const counts = classes.map((c) => (groups.get(c) as number[]).length);
  const quota = allocate(counts, n, nTest);
  const train: number[] = [];
  const test: number[] = [];
  classes.forEach((c, k) => {
    const members = groups.get(c) as number[];
    const perm = rng.permutation(members.length).map((p) => members[p]);
    test.push(...perm.slice(0, quota[k]));
    train.push(...perm.slice(quota[k]));
  });
  const mix = (idx: number[]) => rng.permutation(idx.length).map((p) => idx[p]);
  return { train: ds.subset(mix(train)), test: ds.subset(mix(test)) };
}
