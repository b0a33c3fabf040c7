import { describe, expect, it } from 'vitest';
import { ArgumentError, fromArrays, Random, tensor, trainTestSplit } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

/** x holds the sample index, so a split can be read back as index lists. */
function indexed(labels: number[]) {
  return fromArrays(
    labels.map((_, i) => [i]),
    labels,
  );
}
const ids = (t: { x: { data: ArrayLike<number> } }) => Array.from(t.x.data);

describe('trainTestSplit', () => {
  const labels = Array.from({ length: 20 }, (_, i) => (i < 15 ? 0 : 1));
  const ds = indexed(labels);

  it('puts ceil(n·testFraction) samples in the test set and the rest in train, each once', () => {
    const { train, test } = trainTestSplit(ds, { testFraction: 0.33, seed: 1 });
    expect(test.length).toBe(7); // ceil(6.6)
    expect(train.length).toBe(13);
    expect([...ids(train), ...ids(test)].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    // rows stay paired with their targets
    for (const part of [train, test]) {
      ids(part).forEach((id, k) => {
        expect(part.y.data[k]).toBe(labels[id]);
      });
    }
  });

  it('uses 0.2 by default and does not round 100·0.07 up to 8', () => {
    expect(trainTestSplit(indexed(new Array(10).fill(0))).test.length).toBe(2);
    expect(
      trainTestSplit(indexed(new Array(100).fill(0)), { testFraction: 0.07 }).test.length,
    ).toBe(7);
  });

  it('is deterministic by seed and differs between seeds', () => {
    const a = trainTestSplit(ds, { seed: 5 });
    const b = trainTestSplit(ds, { seed: 5 });
    const c = trainTestSplit(ds, { seed: 6 });
    expect(ids(a.test)).toEqual(ids(b.test));
    expect(ids(a.test)).not.toEqual(ids(c.test));
  });

  it('draws from a given generator, advancing it', () => {
    const rng = new Random(3);
    const first = ids(trainTestSplit(ds, { rng }).test);
    const second = ids(trainTestSplit(ds, { rng }).test);
    expect(first).not.toEqual(second);
    expect(first).toEqual(ids(trainTestSplit(ds, { rng: new Random(3) }).test));
  });

  it('stratify keeps the class proportions exactly when they divide evenly', () => {
    for (let seed = 0; seed < 5; seed++) {
      const { train, test } = trainTestSplit(ds, { testFraction: 0.2, seed, stratify: true });
      const count = (t: typeof test, c: number) =>
        Array.from(t.y.data).filter((v) => v === c).length;
      expect([count(test, 0), count(test, 1)]).toEqual([3, 1]);
      expect([count(train, 0), count(train, 1)]).toEqual([12, 4]);
    }
  });

  it('stratify allocates the rounding remainder to the largest remainders', () => {
    // classes of 5, 3 and 2 samples, 3 test samples: shares 1.5, 0.9, 0.6 → 1 + 1 + 1
    const three = indexed([0, 0, 0, 0, 0, 1, 1, 1, 2, 2]);
    const { test } = trainTestSplit(three, { testFraction: 0.3, seed: 0, stratify: true });
    expect(Array.from(test.y.data).sort()).toEqual([0, 1, 2]);
  });

  it('stratifies one-hot targets by their argmax', () => {
    const oneHot = fromArrays(
      labels.map((_, i) => [i]),
      labels.map((c) => (c === 0 ? [1, 0] : [0, 1])),
    );
    const { test } = trainTestSplit(oneHot, { testFraction: 0.2, seed: 2, stratify: true });
    expect(Array.from(test.y.data).filter((v, i) => i % 2 === 1 && v === 1).length).toBe(1);
  });

  it('without shuffle takes the last samples as the test set', () => {
    const { train, test } = trainTestSplit(ds, { testFraction: 0.25, shuffle: false });
    expect(ids(test)).toEqual([15, 16, 17, 18, 19]);
    expect(ids(train)).toEqual(Array.from({ length: 15 }, (_, i) => i));
  });

  it('rejects bad fractions, empty parts and conflicting options', () => {
    for (const f of [0, 1, -0.1, 1.5, Number.NaN]) {
      expect(() => trainTestSplit(ds, { testFraction: f })).toThrow(
        `trainTestSplit: testFraction must be in (0, 1), got ${Number.isNaN(f) ? 'NaN' : JSON.stringify(f)}`,
      );
    }
    expect(() => trainTestSplit(indexed([0, 1]), { testFraction: 0.9 })).toThrow(
      /gives 2 test and 0 training samples/,
    );
    expect(() => trainTestSplit(ds, { seed: 1, rng: new Random(1) })).toThrow(
      'trainTestSplit: pass either seed or rng, not both',
    );
    expect(() => trainTestSplit(ds, { stratify: true, shuffle: false })).toThrow(ArgumentError);
    expect(() => trainTestSplit(ds, { seed: Number.NaN })).toThrow(/seed must be a finite number/);
  });

  // NOTE: this used to throw a TypeError (issue 12).
  it('{ x, y } tensors are a data set, as for fit; unknown options are ArgumentErrors', () => {
    const { train, test } = trainTestSplit(
      { x: tensor([[1], [2], [3], [4]]), y: tensor([1, 2, 3, 4]) } as never,
      { testFraction: 0.5, seed: 1 },
    );
    expect([train.length, test.length]).toEqual([2, 2]);
    expectError(
      () => trainTestSplit('data' as never),
      ArgumentError,
      'trainTestSplit: expected a Dataset (or { x, y } tensors), got the string "data"',
    );
    expectError(
      () => trainTestSplit(indexed([0, 1, 0, 1]), { testSize: 0.5 } as never),
      ArgumentError,
      'trainTestSplit: unknown option "testSize", expected one of testFraction, stratify, shuffle, seed, rng',
    );
  });
});
