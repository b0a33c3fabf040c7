import type { Dataset } from '../Dataset.js';
import { loadCsv } from '../loadCsv.js';
import { cachedDataset, type DatasetOptions, sklearnHeader } from './cachedDataset.js';
import { housePricesCsv } from './embedded/housePricesCsv.js';

// NOTE: column B encodes a racial proportion and must not be used as a feature: it is dropped.
const features = [
  'CRIM',
  'ZN',
  'INDUS',
  'CHAS',
  'NOX',
  'RM',
  'AGE',
  'DIS',
  'RAD',
  'TAX',
  'PTRATIO',
  'LSTAT',
];

/**
 * House prices (Harrison & Rubinfeld 1978): 506 districts × 12 features, target MEDV (median
 * home value in $1000s). Column `B` of the source is dropped; `CHAS` (0/1) and `RAD` (an index
 * suited to one-hot encoding) are kept.
 *
 * @example
 * const ds = housePrices(); // x [506,12], y [506]
 * oneHotEncoder({ columns: ['RAD'] }).fit(ds.x, ds.featureNames);
 */
export const housePrices: (options?: DatasetOptions) => Dataset = cachedDataset(
  'housePrices',
  () => {
    sklearnHeader(housePricesCsv, 'housePrices', 506, 13);
    return loadCsv(housePricesCsv, { headerRows: 2, namesRow: 1, features, target: 'MEDV' });
  },
);
