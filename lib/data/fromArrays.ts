import { type NestedArray, Tensor, tensor } from '../autograd/index.js';
import { ArgumentError, checkOptions, type DType, excerpt, NonFiniteError } from '../core/index.js';
import { Dataset } from './Dataset.js';

/** Options of `fromArrays`. */
export interface FromArraysOptions {
  /** dtype of `x` and `y`. Default `'float64'`. */
  dtype?: DType;
  /** Names of the feature columns, kept on the `Dataset`. */
  featureNames?: readonly string[];
  /** Names of the classes, kept on the `Dataset`. */
  classNames?: readonly string[];
}

function toTensor(values: NestedArray | Tensor, dtype: DType | undefined, what: string): Tensor {
  let t: Tensor;
  if (values instanceof Tensor) {
    if (dtype && values.dtype !== dtype) {
      throw new ArgumentError(
        `fromArrays: ${what} has dtype ${values.dtype}, but dtype ${dtype} was asked`,
      );
    }
    t = values.detach();
  } else if (Array.isArray(values)) {
    t = tensor(values, { dtype: dtype ?? 'float64' });
  } else {
    throw new ArgumentError(
      `fromArrays: ${what} must be an array (one entry per sample) or a tensor, got ${excerpt(values)}`,
    );
  }
  const rowSize = t.shape[0] > 0 ? t.size / t.shape[0] : 1;
  for (let i = 0; i < t.size; i++) {
    if (!Number.isFinite(t.data[i])) {
      throw new NonFiniteError(
        `fromArrays: ${what} holds ${t.data[i]} in sample ${Math.floor(i / rowSize)}`,
      );
    }
  }
  return t;
}

/**
 * A `Dataset` from nested arrays (one entry per sample) or tensors. Values must be finite.
 *
 * @example
 * const ds = fromArrays([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0], { featureNames: ['a', 'b'] });
 * ds.x.shape; // [4, 2]
 */
export function fromArrays(
  x: NestedArray | Tensor,
  y: NestedArray | Tensor,
  options: FromArraysOptions = {},
): Dataset {
  checkOptions(options, ['dtype', 'featureNames', 'classNames'], 'fromArrays');
  return new Dataset(toTensor(x, options.dtype, 'x'), toTensor(y, options.dtype, 'y'), options);
}
