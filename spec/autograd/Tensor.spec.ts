import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ArgumentError,
  DTypeError,
  mul,
  type NestedArray,
  ShapeError,
  sum,
  Tensor,
  tensor,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('Tensor', () => {
  it('holds row-major data with shape, dtype, size and rank', () => {
    const t = new Tensor(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.size).toBe(6);
    expect(t.rank).toBe(2);
    expect(t.requiresGrad).toBe(false);
    expect(t.grad).toBeNull();
    expect(t.isLeaf).toBe(true);
    expect(Object.isFrozen(t.shape)).toBe(true);
  });

  it('rejects data that does not fill the shape, and non-float storage', () => {
    expectError(
      () => new Tensor(new Float64Array(5), [2, 3]),
      ShapeError,
      'Tensor: shape [2,3] holds 6 elements but data has 5',
    );
    expectError(
      () => new Tensor(new Int32Array(6) as never, [2, 3]),
      DTypeError,
      'Tensor: expected a Float32Array or Float64Array, got Int32Array',
    );
  });

  it('item() reads a one-element tensor and names the shape otherwise', () => {
    expect(tensor(7).item()).toBe(7);
    expect(tensor([[7]]).item()).toBe(7);
    expectError(
      () => tensor([1, 2]).item(),
      ShapeError,
      'item: expected a tensor with one element, got shape [2]',
    );
  });

  it('toArray<T>() is typed as the caller names it, so .map and indexing type-check', () => {
    const doubled = tensor([1, 2])
      .toArray<number[]>()
      .map((v) => v * 2);
    expect(doubled).toEqual([2, 4]);
    expect(
      tensor([
        [1, 2],
        [3, 4],
      ]).toArray<number[][]>()[1][0],
    ).toBe(3);
    expectTypeOf(tensor([1]).toArray()).toEqualTypeOf<NestedArray[]>();
    expect(
      tensor([[1, 2]])
        .toArray()
        .slice(0, 1),
    ).toEqual([[1, 2]]);
  });

  it('toArray() gives nested arrays (a number for a scalar)', () => {
    expect(
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]).toArray(),
    ).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(tensor(2.5).toArray()).toBe(2.5);
    expect(tensor([[[1], [2]]]).toArray()).toEqual([[[1], [2]]]);
  });

  it('detach() shares the values but leaves the graph', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = mul(x, 3);
    const d = y.detach();
    expect(d.toArray()).toEqual([3, 6]);
    expect(d.requiresGrad).toBe(false);
    expect(d.isLeaf).toBe(true);
    expect(() => sum(mul(d, d)).backward()).toThrow(/does not require grad/);
  });

  it('requireGrad() marks leaves, and refuses to switch a non-leaf off', () => {
    const x = tensor([1]).requireGrad();
    expect(x.requiresGrad).toBe(true);
    expect(x.requireGrad(false).requiresGrad).toBe(false);
    const y = mul(tensor([1], { requiresGrad: true }), 2);
    expectError(
      () => y.requireGrad(false),
      ArgumentError,
      'requireGrad: cannot turn off gradients of a non-leaf tensor; use detach()',
    );
  });

  it('zeroGrad() clears an accumulated gradient', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    sum(mul(x, x)).backward();
    expect(x.grad?.toArray()).toEqual([2, 4]);
    x.zeroGrad();
    expect(x.grad).toBeNull();
  });

  it('records the producing op on results that need gradients', () => {
    const x = tensor([1], { requiresGrad: true });
    const y = mul(x, 2);
    expect(y.node?.op).toBe('mul');
    expect(y.node?.inputs[0]).toBe(x);
    expect(y.isLeaf).toBe(false);
    expect(mul(tensor([1]), 2).node).toBeNull();
  });
});
