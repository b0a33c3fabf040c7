import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  arange,
  DTypeError,
  eye,
  full,
  linspace,
  ones,
  onesLike,
  Random,
  rand,
  randn,
  ShapeError,
  tensor,
  zeros,
  zerosLike,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('tensor()', () => {
  it('takes a number, nested arrays, or a typed array with a shape', () => {
    expect(tensor(5).shape).toEqual([]);
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.shape).toEqual([2, 3]);
    expect([...t.data]).toEqual([1, 2, 3, 4, 5, 6]);
    const u = tensor(new Float32Array([1, 2, 3, 4]), { shape: [2, 2] });
    expect(u.dtype).toBe('float32');
    expect(u.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(tensor([1, 2, 3, 4], { shape: [2, 2] }).shape).toEqual([2, 2]);
  });

  it('copies typed arrays rather than aliasing them', () => {
    const src = new Float64Array([1, 2]);
    const t = tensor(src);
    src[0] = 9;
    expect(t.data[0]).toBe(1);
  });

  it('defaults to float64 and honours dtype and requiresGrad', () => {
    expect(tensor([1]).dtype).toBe('float64');
    const t = tensor([0.1], { dtype: 'float32', requiresGrad: true });
    expect(t.dtype).toBe('float32');
    expect(t.data[0]).toBe(Math.fround(0.1));
    expect(t.requiresGrad).toBe(true);
  });

  it('reports ragged arrays with the path of the bad element', () => {
    expectError(
      () => tensor([[1, 2], [3]]),
      ShapeError,
      'tensor: ragged nested array: expected 2 elements at [1] (shape [2,2]), got 1',
    );
    expectError(
      () =>
        tensor([
          [1, 2],
          [3, [4]],
        ] as never),
      ArgumentError,
      'tensor: expected a number at [1,1], got an array (ragged nesting)',
    );
    expectError(
      () => tensor([1, 'a'] as never),
      ArgumentError,
      'tensor: expected a number at [1], got "a"',
    );
  });

  it('rejects a bad dtype, a bad value and a shape that does not fit', () => {
    expectError(
      () => tensor([1], { dtype: 'int8' as never }),
      DTypeError,
      `tensor: dtype must be 'float32' or 'float64', got "int8"`,
    );
    expectError(
      () => tensor('abc' as never),
      ArgumentError,
      'tensor: expected a number, nested arrays or a typed array, got string',
    );
    expectError(
      () => tensor(new Float64Array(5), { shape: [2, 3] }),
      ShapeError,
      'tensor: shape [2,3] holds 6 elements, got 5 values',
    );
  });
});

describe('creation helpers', () => {
  it('zeros, ones, full, zerosLike, onesLike', () => {
    expect(zeros([2, 2]).toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(ones([3], { dtype: 'float32' }).dtype).toBe('float32');
    expect(full([2], 7).toArray()).toEqual([7, 7]);
    const f = tensor([1, 2], { dtype: 'float32' });
    expect(zerosLike(f).dtype).toBe('float32');
    expect(onesLike(f).toArray()).toEqual([1, 1]);
    expectError(
      () => zeros([-1]),
      ShapeError,
      'zeros: shape must be a list of non-negative integers, got [-1]',
    );
  });

  it('arange and linspace follow numpy', () => {
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(arange(3, 0, -1).toArray()).toEqual([3, 2, 1]);
    expect(linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expectError(
      () => arange(0, 1, 0),
      ArgumentError,
      'arange: start, stop and a non-zero step must be finite, got 0, 1, 0',
    );
    expectError(
      () => linspace(0, 1, -2),
      ArgumentError,
      'linspace: n must be a non-negative integer, got -2',
    );
  });

  it('eye puts ones on the diagonal', () => {
    expect(eye(2).toArray()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(eye(2, 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });

  it('randn and rand are seeded: the same seed or generator state gives the same values', () => {
    expect(randn([4], { seed: 1 }).toArray()).toEqual(randn([4], { seed: 1 }).toArray());
    const r1 = new Random(8);
    const r2 = new Random(8);
    expect(rand([3], { rng: r1 }).toArray()).toEqual(rand([3], { rng: r2 }).toArray());
    expect(rand([3], { rng: r1 }).toArray()).not.toEqual(rand([3], { seed: 8 }).toArray());
    const u = rand([1000], { low: -2, high: 3, seed: 2 });
    expect(Math.min(...u.data)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...u.data)).toBeLessThan(3);
    const n = randn([1000], { mean: 5, std: 0.1, seed: 3 });
    const m = [...n.data].reduce((a, b) => a + b) / 1000;
    expect(Math.abs(m - 5)).toBeLessThan(0.02);
    expectError(
      () => rand([2], { low: 1, high: 1 }),
      ArgumentError,
      'rand: high must be greater than low, got low=1, high=1',
    );
  });

  describe('creation: bad input is a named error (issue 12)', () => {
    // NOTE: these used to throw RangeErrors, or make a NaN tensor (full(shape, 'x')).
    it('a shape or a count too large to allocate', () => {
      expectError(
        () => zeros([1e5, 1e5]),
        ShapeError,
        'zeros: the result would hold 10000000000 elements, expected at most 2147483647 (2^31 - 1)',
      );
      expectError(
        () => arange(1e12),
        ArgumentError,
        'arange: [0, 1000000000000) in steps of 1 has 1000000000000 values, expected at most 2147483647',
      );
    });

    it('a fill value that is not a number, and unknown or ill-typed options', () => {
      expectError(
        () => full([2], 'x' as never),
        ArgumentError,
        'full: value must be a number, got the string "x"',
      );
      expect(full([2], Number.NaN).toArray()).toEqual([Number.NaN, Number.NaN]); // NaN itself is a number
      expectError(
        () => ones([2], { dtyp: 'float32' } as never),
        ArgumentError,
        'ones: unknown option "dtyp", expected one of dtype, requiresGrad',
      );
      expectError(
        () => tensor([1], { requiresGrad: 'yes' } as never),
        ArgumentError,
        'tensor: requiresGrad must be true or false, got the string "yes"',
      );
      expectError(
        () => randn([2], { seed: 1, sd: 2 } as never),
        ArgumentError,
        'randn: unknown option "sd", expected one of dtype, requiresGrad, seed, rng, mean, std',
      );
    });
  });
});
