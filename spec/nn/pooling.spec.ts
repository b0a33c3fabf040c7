import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  AvgPool2d,
  avgPool2d,
  Flatten,
  GlobalAvgPool2d,
  MaxPool2d,
  maxPool2d,
  randn,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

describe('pooling layers and Flatten', () => {
  const x = randn([2, 3, 6, 6], { seed: 4 });

  it('MaxPool2d and AvgPool2d are their ops, stride = kernel by default', () => {
    const max = new MaxPool2d(2);
    expect(max.stride).toEqual([2, 2]);
    expect(max.forward(x).data).toEqual(maxPool2d(x, 2).data);
    expect(max.describe()).toBe('MaxPool2d(2×2)');
    const avg = new AvgPool2d(3, { stride: 1, padding: 1, countIncludePad: false });
    expect(avg.forward(x).data).toEqual(
      avgPool2d(x, 3, { stride: 1, padding: 1, countIncludePad: false }).data,
    );
    expect(avg.describe()).toBe('AvgPool2d(3×3, stride 1×1, padding 1×1, countIncludePad false)');
    expect(max.parameterCount() + avg.parameterCount()).toBe(0);
  });

  it('GlobalAvgPool2d gives [N, C, 1, 1]; Flatten merges all but the batch axis by default', () => {
    expect(new GlobalAvgPool2d().forward(x).shape).toEqual([2, 3, 1, 1]);
    expect(new Flatten().forward(x).shape).toEqual([2, 108]);
    expect(new Flatten(2).forward(x).shape).toEqual([2, 3, 36]);
    expect(new Flatten(0, 1).forward(x).shape).toEqual([6, 6, 6]);
    expect(new Flatten(2, 3).describe()).toBe('Flatten(2, 3)');
  });

  it('check their settings when built', () => {
    expectError(
      () => new MaxPool2d(2, { padding: 2 }),
      ArgumentError,
      'MaxPool2d: padding must be at most half the kernel size, got padding 2×2 for kernel 2×2',
    );
    expectError(
      () => new AvgPool2d(0),
      ArgumentError,
      'AvgPool2d: kernelSize must be an integer ≥ 1 or a pair of them, got 0',
    );
    expectError(
      () => new Flatten(1.5),
      ArgumentError,
      'Flatten: startAxis and endAxis must be integers, got 1.5 and -1',
    );
  });
});
