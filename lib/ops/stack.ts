import type { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  formatShape,
  normalizeAxis,
  ShapeError,
  shapesEqual,
} from '../core/index.js';
import { concat } from './concat.js';
import { expandDims } from './expandDims.js';
import { expectTensor } from './util.js';

/**
 * Joins tensors of one shape along a new `axis` (default 0). A composite: concat of expandDims.
 *
 * @example stack([tensor([1, 2]), tensor([3, 4])]).shape  // [2, 2]
 */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0) {
    throw new ArgumentError(
      `stack: tensors must be a non-empty list of tensors, got ${Array.isArray(tensors) ? '[]' : typeof tensors}`,
    );
  }
  const ts = tensors.map((t, i) => expectTensor(t, 'stack', `tensors[${i}]`));
  ts.forEach((t, i) => {
    if (!shapesEqual(t.shape, ts[0].shape)) {
      throw new ShapeError(
        `stack: every tensor must have the shape of the first, ${formatShape(ts[0].shape)}, got ${formatShape(t.shape)} at tensors[${i}]`,
      );
    }
  });
  const ax = normalizeAxis(axis, ts[0].rank + 1, 'stack');
  return concat(
    ts.map((t) => expandDims(t, ax)),
    ax,
  );
}
