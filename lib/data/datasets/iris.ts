import type { Dataset } from '../Dataset.js';
import { loadCsv } from '../loadCsv.js';
import { cachedDataset, type DatasetOptions, sklearnHeader } from './cachedDataset.js';
import { irisCsv } from './embedded/irisCsv.js';

const featureNames = [
  'sepal length (cm)',
  'sepal width (cm)',
  'petal length (cm)',
  'petal width (cm)',
];

/**
 * Fisher's iris: 150 flowers × 4 measurements, 3 classes (setosa, versicolor, virginica),
 * 50 each. `y` holds class indices 0–2.
 *
 * @example
 * const { x, y, classNames } = iris(); // x [150,4], y [150]
 */
export const iris: (options?: DatasetOptions) => Dataset = cachedDataset('iris', () =>
  loadCsv(irisCsv, {
    headerRows: 1,
    columnNames: [...featureNames, 'target'],
    target: 'target',
    classNames: sklearnHeader(irisCsv, 'iris', 150, 4),
  }),
);
