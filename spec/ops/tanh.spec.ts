import { describe, expect, it } from 'vitest';
import { sum, tanh, tensor } from '../../lib/index.js';
import { expectClose } from '../core/helpers.js';

describe('tanh', () => {
  it('matches (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)', () => {
    const v = 0.7;
    expectClose(
      tanh(tensor([0, v])),
      [0, (Math.exp(v) - Math.exp(-v)) / (Math.exp(v) + Math.exp(-v))],
      1e-15,
    );
  });

  it('is ±1 at ±800 with gradient 0, finite in both dtypes', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const x = tensor([800, -800], { dtype, requiresGrad: true });
      const y = tanh(x);
      expect([...y.data]).toEqual([1, -1]);
      sum(y).backward();
      expect([...x.grad!.data]).toEqual([0, 0]);
    }
  });

  it('d tanh = (1 − tanh²)·dx', () => {
    const x = tensor([0.5], { requiresGrad: true });
    sum(tanh(x)).backward();
    expectClose(x.grad!, [1 - Math.tanh(0.5) ** 2], 1e-15);
  });
});
