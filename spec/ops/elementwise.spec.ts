import { describe, expect, it } from 'vitest';
import { tensor } from '../../lib/autograd/index.js';
import '../../lib/ops/index.js';
import { binaryOp, unaryOp } from '../../lib/ops/elementwise.js';

describe('elementwise op helpers', () => {
  it('binaryOp broadcasts, promotes and sums gradients back to each input shape', () => {
    const a = tensor([[1], [2]], { requiresGrad: true });
    const b = tensor([10, 20, 30], { dtype: 'float32', requiresGrad: true });
    const y = binaryOp('myAdd', 'add', a, b, (g) => [g, g]);
    expect(y.shape).toEqual([2, 3]);
    expect(y.dtype).toBe('float64');
    expect(y.node?.op).toBe('myAdd');
    y.backward(
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    );
    expect(a.grad?.toArray()).toEqual([[6], [15]]);
    expect(b.grad?.toArray()).toEqual([5, 7, 9]);
    expect(b.grad?.dtype).toBe('float32');
  });

  it('unaryOp passes kernel parameters', () => {
    expect(unaryOp('affine', 'affine', tensor([1, 2]), (g) => g, 3, 1).toArray()).toEqual([4, 7]);
  });
});
