import { describe, expect, it } from 'vitest';
import { ArgumentError, gatherRows, ShapeError, tensor } from '../../lib/index.js';

describe('gatherRows', () => {
  it('copies rows of any trailing shape, keeping the dtype', () => {
    const t = tensor([[[1, 2]], [[3, 4]], [[5, 6]]], { dtype: 'float32' });
    const g = gatherRows(t, [1, 1, 0]);
    expect(g.shape).toEqual([3, 1, 2]);
    expect(g.toArray()).toEqual([[[3, 4]], [[3, 4]], [[1, 2]]]);
    expect(g.dtype).toBe('float32');
    expect(gatherRows(tensor([7, 8, 9]), new Int32Array([2])).toArray()).toEqual([9]);
    expect(gatherRows(t, []).shape).toEqual([0, 1, 2]);
  });

  it('does not record gradients', () => {
    const t = tensor([[1], [2]], { requiresGrad: true });
    const g = gatherRows(t, [0]);
    expect(g.requiresGrad).toBe(false);
    expect(g.node).toBeNull();
  });

  it('rejects scalars and bad indices', () => {
    expect(() => gatherRows(tensor(3), [0])).toThrow(ShapeError);
    expect(() => gatherRows(tensor([1, 2]), [0.5])).toThrow(ArgumentError);
    expect(() => gatherRows(tensor([1, 2]), [2])).toThrow(/out of range for 2 rows/);
  });
});
