import type { Dataset } from '../Dataset.js';
import { loadCsv } from '../loadCsv.js';
import { cachedDataset, type DatasetOptions, sklearnHeader } from './cachedDataset.js';
import { breastCancerCsv } from './embedded/breastCancerCsv.js';

const measures = [
  'radius',
  'texture',
  'perimeter',
  'area',
  'smoothness',
  'compactness',
  'concavity',
  'concave points',
  'symmetry',
  'fractal dimension',
];
// scikit-learn's names: the mean, the standard error and the worst value of each measure.
const featureNames = [
  ...measures.map((m) => `mean ${m}`),
  ...measures.map((m) => `${m} error`),
  ...measures.map((m) => `worst ${m}`),
];

/**
 * UCI breast cancer Wisconsin (diagnostic): 569 tumours × 30 features, 2 classes
 * (0 = malignant, 212; 1 = benign, 357). `y` holds 0/1.
 *
 * @example
 * const ds = breastCancer(); // x [569,30], y [569]
 */
export const breastCancer: (options?: DatasetOptions) => Dataset = cachedDataset(
  'breastCancer',
  () =>
    loadCsv(breastCancerCsv, {
      headerRows: 1,
      columnNames: [...featureNames, 'target'],
      target: 'target',
      classNames: sklearnHeader(breastCancerCsv, 'breastCancer', 569, 30),
    }),
);
