import type { Tensor } from '../autograd/index.js';
import { ArgumentError, formatShape, ShapeError } from '../core/index.js';

/**
 * A data set of features `x` (first axis: samples) and targets `y` with the same number of
 * samples. Plain tensors, no gradients.
 */
export class Dataset {
  readonly x: Tensor;
  readonly y: Tensor;
  /** Optional names of the feature columns and of the classes. */
  readonly featureNames: readonly string[] | undefined;
  readonly classNames: readonly string[] | undefined;

  constructor(
    x: Tensor,
    y: Tensor,
    meta: { featureNames?: readonly string[]; classNames?: readonly string[] } = {},
  ) {
    if (x.rank === 0 || y.rank === 0) {
      throw new ShapeError(
        `Dataset: x and y need a samples axis, got x ${formatShape(x.shape)} and y ${formatShape(y.shape)}`,
      );
    }
    if (x.shape[0] !== y.shape[0]) {
      throw new ShapeError(
        `Dataset: x and y must have the same number of samples, got x ${formatShape(x.shape)} and y ${formatShape(y.shape)}`,
      );
    }
    if (meta.featureNames && x.rank === 2 && meta.featureNames.length !== x.shape[1]) {
      throw new ArgumentError(
        `Dataset: ${meta.featureNames.length} feature names for ${x.shape[1]} features`,
      );
    }
    this.x = x;
    this.y = y;
    this.featureNames = meta.featureNames;
    this.classNames = meta.classNames;
  }

  /** Number of samples. */
  get length(): number {
    return this.x.shape[0];
  }
}
