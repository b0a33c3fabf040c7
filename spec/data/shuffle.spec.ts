import { describe, expect, it } from 'vitest';
import { ArgumentError, fromArrays, Random, shuffle, tensor } from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('shuffle', () => {
  const ds = fromArrays(
    Array.from({ length: 30 }, (_, i) => [i, -i]),
    Array.from({ length: 30 }, (_, i) => i * 10),
  );

  it('permutes the samples, keeping x and y rows together', () => {
    const s = shuffle(ds, { seed: 9 });
    const first = Array.from({ length: 30 }, (_, k) => s.x.data[2 * k]);
    expect([...first].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(first).not.toEqual(Array.from({ length: 30 }, (_, i) => i));
    first.forEach((id, k) => {
      expect(s.x.data[2 * k + 1]).toBe(-id);
      expect(s.y.data[k]).toBe(id * 10);
    });
  });

  it('follows the seed: the order is the Random permutation of that seed', () => {
    const order = new Random(4).permutation(30);
    expect(Array.from(shuffle(ds, { seed: 4 }).y.data)).toEqual(order.map((i) => i * 10));
    expect(Array.from(shuffle(ds, { rng: new Random(4) }).y.data)).toEqual(
      order.map((i) => i * 10),
    );
  });

  it('rejects a seed together with an rng, and a non-Random rng', () => {
    expect(() => shuffle(ds, { seed: 1, rng: new Random(1) })).toThrow(ArgumentError);
    expect(() => shuffle(ds, { rng: {} as Random })).toThrow(
      'shuffle: rng must be a Random, got object',
    );
  });

  // NOTE: this used to throw a TypeError (issue 12).
  it('{ x, y } tensors are a data set, as for fit; anything else is an ArgumentError', () => {
    expect(shuffle({ x: tensor([[1], [2]]), y: tensor([1, 2]) } as never, { seed: 1 }).length).toBe(
      2,
    );
    expectError(
      () => shuffle([1, 2] as never),
      ArgumentError,
      'shuffle: expected a Dataset (or { x, y } tensors), got an array ([1,2])',
    );
  });
});
