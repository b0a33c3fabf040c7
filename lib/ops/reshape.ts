import { fromOp, storageOf, type Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt, formatShape, ShapeError, sizeOf } from '../core/index.js';
import { expectTensor } from './util.js';

/**
 * The same values with a new shape (one dimension may be −1, inferred). Shares storage.
 *
 * @example reshape(arange(6), [2, -1])  // shape [2, 3]
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const t = expectTensor(x, 'reshape', 'x');
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= -1)) {
    throw new ArgumentError(
      `reshape: shape must be a list of integers ≥ -1, got ${excerpt(shape)}`,
    );
  }
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1)
    throw new ArgumentError(`reshape: at most one dimension can be -1, got ${formatShape(shape)}`);
  let target = [...shape];
  if (unknown === 1) {
    const known = sizeOf(shape.filter((d) => d !== -1));
    if (known === 0 || t.size % known !== 0) {
      throw new ShapeError(
        `reshape: cannot reshape ${formatShape(t.shape)} (${t.size} elements) into ${formatShape(shape)}`,
      );
    }
    target = shape.map((d) => (d === -1 ? t.size / known : d));
  }
  if (sizeOf(target) !== t.size) {
    throw new ShapeError(
      `reshape: cannot reshape ${formatShape(t.shape)} (${t.size} elements) into ${formatShape(shape)}`,
    );
  }
  // d reshape(x) = reshape(dy, x.shape)
  return fromOp('reshape', storageOf(t), target, [t], (g) => [reshape(g, t.shape)]);
}
