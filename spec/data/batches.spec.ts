import { describe, expect, it } from 'vitest';
import { ArgumentError, batches, fromArrays, Random, ShapeError, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

const ds = fromArrays(
  Array.from({ length: 10 }, (_, i) => [i, i + 0.5]),
  Array.from({ length: 10 }, (_, i) => i),
);
const ys = (b: { y: { data: ArrayLike<number> } }) => Array.from(b.y.data);

describe('batches', () => {
  it('yields batches in order, the last one smaller', () => {
    const bs = batches(ds, { batchSize: 4 });
    expect(bs.length).toBe(3);
    const all = [...bs];
    expect(all.map(ys)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(all[2].x.toArray()).toEqual([
      [8, 8.5],
      [9, 9.5],
    ]);
    expect(all[0].x.shape).toEqual([4, 2]);
  });

  it('drops the last smaller batch with dropLast', () => {
    const bs = batches(ds, { batchSize: 4, dropLast: true });
    expect(bs.length).toBe(2);
    expect([...bs].map(ys)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(batches(ds, { batchSize: 5, dropLast: true }).length).toBe(2);
  });

  it('shuffles with a new permutation each pass, fixed by the seed', () => {
    const bs = batches(ds, { batchSize: 3, shuffle: true, seed: 7 });
    const epoch1 = [...bs].flatMap(ys);
    const epoch2 = [...bs].flatMap(ys);
    const rng = new Random(7);
    expect(epoch1).toEqual(rng.permutation(10));
    expect(epoch2).toEqual(rng.permutation(10));
    expect(epoch1).not.toEqual(epoch2);
    const again = batches(ds, { batchSize: 3, shuffle: true, seed: 7 });
    expect([...again].flatMap(ys)).toEqual(epoch1);
  });

  it('draws from a given generator, so its state fixes what comes next', () => {
    const rng = new Random(11);
    [...batches(ds, { batchSize: 4, shuffle: true, rng })];
    const saved = rng.state();
    const next = [...batches(ds, { batchSize: 4, shuffle: true, rng })].flatMap(ys);
    const resumed = [...batches(ds, { batchSize: 4, shuffle: true, rng: Random.fromState(saved) })];
    expect(resumed.flatMap(ys)).toEqual(next);
  });

  it('batch rows are copies, x and y stay paired', () => {
    for (const b of batches(ds, { batchSize: 4, shuffle: true, seed: 1 })) {
      expect(b.x.data).not.toBe(ds.x.data);
      ys(b).forEach((y, k) => {
        expect(b.x.data[2 * k]).toBe(y);
      });
    }
  });

  it('rejects bad batch sizes and options', () => {
    for (const bad of [0, -1, 2.5, Number.NaN, '4']) {
      expect(() => batches(ds, { batchSize: bad as number })).toThrow(
        `batches: batchSize must be a positive integer, got ${Number.isNaN(bad) ? 'NaN' : JSON.stringify(bad)}`,
      );
    }
    expect(() => batches(ds, {} as never)).toThrow(ArgumentError);
    expect(() => batches(ds, { batchSize: 11, dropLast: true })).toThrow(
      'batches: dropLast with batchSize 11 > 10 samples leaves no batch',
    );
    expect(() => batches(ds, { batchSize: 2, shuffle: true, seed: 1, rng: new Random(1) })).toThrow(
      /either seed or rng/,
    );
    expect(() => batches(ds.subset([]), { batchSize: 2 })).toThrow(
      'batches: the data set is empty',
    );
  });

  // NOTE: batches({ x, y }) used to yield zero batches silently (issue 12); it now takes
  // { x, y } tensors as fit does, and anything else is an ArgumentError.
  it('{ x, y } tensors are a data set, as for fit; other objects are ArgumentErrors', () => {
    const plain = batches({ x: tensor([[1], [2], [3]]), y: tensor([1, 2, 3]) } as never, {
      batchSize: 2,
    });
    expect([...plain].map((b) => Array.from(b.y.data))).toEqual([[1, 2], [3]]);
    expectError(
      () => batches({ x: [[1]], y: [1] } as never, { batchSize: 1 }),
      ArgumentError,
      'batches: expected a Dataset (or { x, y } tensors), got an object with keys x, y',
    );
    expectError(
      () => batches({ x: tensor([[1], [2]]), y: tensor([1]) } as never, { batchSize: 1 }),
      ShapeError,
      'batches: Dataset: x and y must have the same number of samples, got x [2,1] and y [1]',
    );
    expectError(
      () => batches(ds, { batchSize: 2, shuffel: true } as never),
      ArgumentError,
      'batches: unknown option "shuffel", expected one of batchSize, shuffle, dropLast, seed, rng',
    );
  });
});
