import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  broadcastShapes,
  checkShape,
  formatShape,
  normalizeAxes,
  normalizeAxis,
  ShapeError,
  shapesEqual,
  sizeOf,
  stridesOf,
} from '../../lib/core/index.js';
import { expectError } from './helpers.js';

describe('shape helpers', () => {
  it('formats shapes as error messages show them', () => {
    expect(formatShape([2, 3])).toBe('[2,3]');
    expect(formatShape([])).toBe('[]');
  });

  it('counts elements (1 for a scalar, 0 with an empty dimension)', () => {
    expect(sizeOf([2, 3, 4])).toBe(24);
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([3, 0])).toBe(0);
  });

  it('compares shapes and computes row-major strides', () => {
    expect(shapesEqual([2, 3], [2, 3])).toBe(true);
    expect(shapesEqual([2, 3], [3, 2])).toBe(false);
    expect(shapesEqual([1], [])).toBe(false);
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
    expect(stridesOf([])).toEqual([]);
  });

  it('checks shapes', () => {
    expect(checkShape([2, 0], 'zeros')).toEqual([2, 0]);
    expectError(
      () => checkShape([2, -1], 'zeros'),
      ShapeError,
      'zeros: shape must be a list of non-negative integers, got [2,-1]',
    );
    expectError(
      () => checkShape([1.5], 'zeros'),
      ShapeError,
      'zeros: shape must be a list of non-negative integers, got [1.5]',
    );
  });

  it('broadcasts as numpy: align right, 1 stretches, missing leading dimensions count as 1', () => {
    expect(broadcastShapes([2, 1, 3], [4, 1], 'add')).toEqual([2, 4, 3]);
    expect(broadcastShapes([], [3], 'add')).toEqual([3]);
    expect(broadcastShapes([5, 1], [1, 6], 'add')).toEqual([5, 6]);
    expect(broadcastShapes([0, 3], [3], 'add')).toEqual([0, 3]);
  });

  it('names the op, both shapes and the dimension when shapes do not broadcast', () => {
    expectError(
      () => broadcastShapes([2, 3], [4], 'add'),
      ShapeError,
      'add: shapes [2,3] and [4] cannot be broadcast together (dimension 1: 3 vs 4)',
    );
  });

  it('resolves negative axes and rejects out-of-range ones', () => {
    expect(normalizeAxis(-1, 3, 'sum')).toBe(2);
    expect(normalizeAxis(0, 3, 'sum')).toBe(0);
    expectError(
      () => normalizeAxis(3, 3, 'sum'),
      ArgumentError,
      'sum: axis must be an integer in [-3, 2] for a tensor of rank 3, got 3',
    );
    expectError(
      () => normalizeAxis(-4, 3, 'sum'),
      ArgumentError,
      'sum: axis must be an integer in [-3, 2] for a tensor of rank 3, got -4',
    );
    expectError(
      () => normalizeAxis(0.5, 3, 'sum'),
      ArgumentError,
      'sum: axis must be an integer in [-3, 2] for a tensor of rank 3, got 0.5',
    );
  });

  it('resolves axis lists into sorted distinct axes', () => {
    expect(normalizeAxes(undefined, 3, 'sum')).toEqual([0, 1, 2]);
    expect(normalizeAxes([-1, 0], 3, 'sum')).toEqual([0, 2]);
    expect(normalizeAxes(1, 3, 'sum')).toEqual([1]);
    expectError(
      () => normalizeAxes([1, -2], 3, 'sum'),
      ArgumentError,
      'sum: axes must be distinct, got [1,-2]',
    );
  });
});
