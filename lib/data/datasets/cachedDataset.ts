import { Tensor } from '../../autograd/index.js';
import { allocate, checkDType, checkOptions, type DType, FormatError } from '../../core/index.js';
import { Dataset } from '../Dataset.js';

/** Options of the bundled data sets. */
export interface DatasetOptions {
  /** dtype of `x` and `y`. Default `'float64'`. */
  dtype?: DType;
}

function copy(t: Tensor, dtype: DType): Tensor {
  const out = allocate(dtype, t.size);
  out.set(t.data);
  return new Tensor(out, t.shape);
}

/**
 * A loader that parses its data once (on the first call) and then hands out fresh copies in the
 * asked dtype, so that a caller who writes into `x.data` does not change later loads.
 */
export function cachedDataset(
  name: string,
  parse: () => Dataset,
): (options?: DatasetOptions) => Dataset {
  let cache: Dataset | undefined;
  return (options = {}) => {
    const where = `datasets.${name}`;
    const dtype = checkDType(checkOptions(options, ['dtype'], where).dtype ?? 'float64', where);
    cache ??= parse();
    return new Dataset(copy(cache.x, dtype), copy(cache.y, dtype), cache);
  };
}

/**
 * The `n_samples,n_features,class names...` header of a scikit-learn CSV, checked against the
 * expected size.
 */
export function sklearnHeader(
  text: string,
  name: string,
  samples: number,
  features: number,
): string[] {
  const header = text.slice(0, text.indexOf('\n')).trim().split(',');
  if (Number(header[0]) !== samples || Number(header[1]) !== features) {
    throw new FormatError(
      `datasets.${name}: expected a header "${samples},${features},...", got "${header.join(',')}"`,
    );
  }
  return header.slice(2).filter((s) => s !== '');
}
