import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  Conv2d,
  conv2d,
  Random,
  Sequential,
  ShapeError,
  sum,
  zeros,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('Conv2d', () => {
  it('holds weight [O, C/groups, kH, kW] and bias [O], trainable, as PyTorch lays them out', () => {
    const conv = new Conv2d(4, 6, [3, 2], { groups: 2, seed: 1 });
    expect(conv.weight.shape).toEqual([6, 2, 3, 2]);
    expect(conv.bias?.shape).toEqual([6]);
    expect(conv.namedParameters().map(([n]) => n)).toEqual(['weight', 'bias']);
    expect(conv.parameterCount()).toBe(6 * 2 * 3 * 2 + 6);
    expect(new Conv2d(1, 2, 3, { bias: false }).bias).toBeNull();
  });

  it('initialises as PyTorch: U(±1/√fanIn), fanIn = C/groups·kH·kW, seeded', () => {
    const conv = new Conv2d(8, 32, 3, { seed: 7 });
    const bound = 1 / Math.sqrt(8 * 9);
    const w = Array.from(conv.weight.data);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.95 * bound);
    // uniform on ±b has variance b²/3
    const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
    expect(variance).toBeGreaterThan((0.9 * (bound * bound)) / 3);
    expect(variance).toBeLessThan((1.1 * (bound * bound)) / 3);
    expect(Math.max(...Array.from(conv.bias!.data).map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(new Conv2d(8, 32, 3, { seed: 7 }).weight.data).toEqual(conv.weight.data);
    expect(new Conv2d(8, 32, 3, { seed: 8 }).weight.data).not.toEqual(conv.weight.data);
    // the weight first, then the bias, from one generator
    const rng = new Random(7);
    const again = new Conv2d(8, 32, 3, { rng });
    expect(again.weight.data).toEqual(conv.weight.data);
  });

  it('forward is conv2d with its options, in float32 when asked', () => {
    const conv = new Conv2d(2, 3, 3, { stride: 2, padding: 'valid', dtype: 'float32', seed: 3 });
    const x = zeros([1, 2, 7, 7], { dtype: 'float32' });
    x.data.forEach((_, i) => {
      x.data[i] = Math.sin(i);
    });
    const y = conv.forward(x);
    expect(y.shape).toEqual([1, 3, 3, 3]);
    expect(y.dtype).toBe('float32');
    expect(y.data).toEqual(conv2d(x, conv.weight, { bias: conv.bias, stride: 2 }).data);
    sum(y).backward();
    expect(conv.weight.grad?.shape).toEqual([3, 2, 3, 3]);
  });

  it('describes itself and names its input in errors (inside a Sequential too)', () => {
    const conv = new Conv2d(1, 16, 3, { padding: 1 });
    expect(conv.describe()).toBe('Conv2d(1 → 16, 3×3, padding 1)');
    expect(new Conv2d(2, 4, [5, 3], { stride: 2, groups: 2, bias: false }).describe()).toBe(
      'Conv2d(2 → 4, 5×3, stride 2×2, groups 2, no bias)',
    );
    expectError(
      () => conv.forward(zeros([64, 3, 28, 28])),
      ShapeError,
      'Conv2d(1 → 16, 3×3, padding 1): expected input [N, 1, H, W], got shape [64,3,28,28]',
    );
    expectError(
      () => new Sequential(conv).forward(zeros([28, 28])),
      ShapeError,
      'Sequential layers.0: Conv2d(1 → 16, 3×3, padding 1): expected input [N, 1, H, W], got shape [28,28]',
    );
  });

  it('checks its settings when built', () => {
    expectError(
      () => new Conv2d(0, 4, 3),
      ArgumentError,
      'Conv2d: inChannels must be a positive integer, got 0',
    );
    expectError(
      () => new Conv2d(3, 4, 3, { groups: 2 }),
      ShapeError,
      'Conv2d: groups = 2 must divide the input channels (3) and the output channels (4)',
    );
    expectError(
      () => new Conv2d(3, 4, 3, { stride: -1 }),
      ArgumentError,
      'Conv2d: stride must be an integer ≥ 1 or a pair of them, got -1',
    );
  });
});
