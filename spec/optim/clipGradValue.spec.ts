import { describe, expect, it } from 'vitest';
import { ArgumentError, add, clipGradValue, sum, tensor } from '../../lib/index.js';

describe('clipGradValue', () => {
  it('clamps every gradient element into [−clip, clip]', () => {
    const a = tensor([0, 0, 0, 0], { requiresGrad: true });
    a.grad = tensor([-3, -0.2, 0.5, 7]);
    const b = tensor([0], { requiresGrad: true });
    clipGradValue([a, b], 0.5);
    expect(Array.from(a.grad!.data)).toEqual([-0.5, -0.2, 0.5, 0.5]);
    expect(b.grad).toBeNull();
  });

  it('does not clamp a shared gradient through another parameter', () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    sum(add(a, b).mul(5)).backward();
    clipGradValue([a], 1);
    expect(a.grad!.item()).toBe(1);
    expect(b.grad!.item()).toBe(5);
  });

  it('rejects a non-positive clip and non-tensors', () => {
    expect(() => clipGradValue([], 0)).toThrow(ArgumentError);
    expect(() => clipGradValue([], 0)).toThrow(
      'clipGradValue: clip must be a positive finite number, got 0',
    );
    expect(() => clipGradValue([{}] as never, 1)).toThrow(
      'clipGradValue: params[0] must be a Tensor, got object',
    );
  });
});
