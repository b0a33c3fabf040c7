import { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  allocate,
  checkDType,
  type DType,
  formatShape,
  ShapeError,
} from '../core/index.js';
import { Dataset } from './Dataset.js';
import type { IdxArray } from './readIdx.js';

/** Options of `idxDataset`. */
export interface IdxDatasetOptions {
  /** dtype of `x` and `y`. Default `'float32'` (60,000 MNIST images are 188 MB in float32). */
  dtype?: DType;
  /** Each pixel is multiplied by this. Default 1/255: bytes 0–255 become [0, 1]. */
  scale?: number;
  /** `'images'`: x is [N, 1, H, W] for convolutions (default); `'flat'`: x is [N, H·W] for an MLP. */
  layout?: 'images' | 'flat';
  /** Names of the classes (label 0 first), e.g. `fashionMnistClasses`. */
  classNames?: readonly string[];
}

/**
 * A `Dataset` from the two IDX arrays of an image set such as MNIST or Fashion-MNIST: images
 * [N, H, W] (or [N, C, H, W]) and integer labels [N]. Pixels are scaled (default to [0, 1]) and
 * laid out NCHW, or flattened.
 *
 * @example
 * const train = idxDataset(await readIdx(imageBytes), await readIdx(labelBytes), {
 *   classNames: fashionMnistClasses,
 * }); // x [60000, 1, 28, 28], y [60000]
 */
export function idxDataset(
  images: IdxArray,
  labels: IdxArray,
  options: IdxDatasetOptions = {},
): Dataset {
  const where = 'idxDataset';
  const o = options ?? {};
  const dtype = checkDType(o.dtype ?? 'float32', where);
  const scale = o.scale ?? 1 / 255;
  if (typeof scale !== 'number' || !Number.isFinite(scale)) {
    throw new ArgumentError(`${where}: scale must be a finite number, got ${scale}`);
  }
  const layout = o.layout ?? 'images';
  if (layout !== 'images' && layout !== 'flat') {
    throw new ArgumentError(
      `${where}: layout must be 'images' or 'flat', got ${JSON.stringify(layout)}`,
    );
  }
  if (images?.shape?.length !== 3 && images?.shape?.length !== 4) {
    throw new ShapeError(
      `${where}: images must have 3 dims [N,H,W] or 4 [N,C,H,W], got ${formatShape(images?.shape ?? [])}`,
    );
  }
  if (labels?.shape?.length !== 1) {
    throw new ShapeError(
      `${where}: labels must have 1 dim [N], got ${formatShape(labels?.shape ?? [])}`,
    );
  }
  const n = images.shape[0];
  if (labels.shape[0] !== n) {
    throw new ShapeError(
      `${where}: ${n} images but ${labels.shape[0]} labels, got images ${formatShape(images.shape)} and labels ${formatShape(labels.shape)}`,
    );
  }
  const x = allocate(dtype, images.data.length);
  for (let i = 0; i < x.length; i++) x[i] = images.data[i] * scale;
  const y = allocate(dtype, n);
  for (let i = 0; i < n; i++) {
    const v = labels.data[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new ArgumentError(`${where}: label ${i} must be a class index ≥ 0, got ${v}`);
    }
    y[i] = v;
  }
  const [, ...rest] = images.shape;
  const xShape =
    layout === 'flat'
      ? [n, x.length / Math.max(1, n)]
      : rest.length === 2
        ? [n, 1, ...rest]
        : [n, ...rest];
  return new Dataset(new Tensor(x, xShape), new Tensor(y, [n]), {
    ...(o.classNames ? { classNames: [...o.classNames] } : {}),
  });
}

/** The ten classes of Fashion-MNIST (Zalando Research), label 0 first. */
export const fashionMnistClasses: readonly string[] = Object.freeze([
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
]);
