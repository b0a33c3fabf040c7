import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  fashionMnistClasses,
  type IdxArray,
  idxDataset,
  ShapeError,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

const images: IdxArray = {
  type: 'uint8',
  shape: [2, 2, 2],
  data: Uint8Array.of(0, 255, 51, 102, 1, 2, 3, 4),
};
const labels: IdxArray = { type: 'uint8', shape: [2], data: Uint8Array.of(9, 0) };

describe('idxDataset', () => {
  it('scales pixels to [0, 1] and lays images out NCHW in float32 by default', () => {
    const ds = idxDataset(images, labels, { classNames: fashionMnistClasses });
    expect(ds.x.shape).toEqual([2, 1, 2, 2]);
    expect(ds.x.dtype).toBe('float32');
    expect(Array.from(ds.x.data.subarray(0, 4))).toEqual(
      Array.from(Float32Array.of(0, 1, 0.2, 0.4)),
    );
    expect(Array.from(ds.y.data)).toEqual([9, 0]);
    expect(ds.classNames?.[9]).toBe('Ankle boot');
  });

  it('flat layout, float64 and another scale on request', () => {
    const ds = idxDataset(images, labels, { layout: 'flat', dtype: 'float64', scale: 1 });
    expect(ds.x.shape).toEqual([2, 4]);
    expect(Array.from(ds.x.data.subarray(4))).toEqual([1, 2, 3, 4]);
  });

  it('names mismatched or malformed inputs', () => {
    expectError(
      () => idxDataset(images, { ...labels, shape: [3], data: Uint8Array.of(1, 2, 3) }),
      ShapeError,
      'idxDataset: 2 images but 3 labels, got images [2,2,2] and labels [3]',
    );
    expectError(
      () => idxDataset(labels, labels),
      ShapeError,
      'idxDataset: images must have 3 dims [N,H,W] or 4 [N,C,H,W], got [2]',
    );
    expectError(
      () => idxDataset(images, { type: 'float32', shape: [2], data: Float32Array.of(1, 0.5) }),
      ArgumentError,
      'idxDataset: label 1 must be a class index ≥ 0, got 0.5',
    );
  });
});
