import type { Dataset } from '../Dataset.js';
import { loadCsv } from '../loadCsv.js';
import { cachedDataset, type DatasetOptions, sklearnHeader } from './cachedDataset.js';
import { wineCsv } from './embedded/wineCsv.js';

const featureNames = [
  'alcohol',
  'malic_acid',
  'ash',
  'alcalinity_of_ash',
  'magnesium',
  'total_phenols',
  'flavanoids',
  'nonflavanoid_phenols',
  'proanthocyanins',
  'color_intensity',
  'hue',
  'od280/od315_of_diluted_wines',
  'proline',
];

/**
 * UCI wine recognition: 178 wines × 13 chemical measurements, 3 cultivars (class_0–class_2).
 * `y` holds class indices 0–2.
 *
 * @example
 * const ds = wine(); // x [178,13], y [178]
 */
export const wine: (options?: DatasetOptions) => Dataset = cachedDataset('wine', () =>
  loadCsv(wineCsv, {
    headerRows: 1,
    columnNames: [...featureNames, 'target'],
    target: 'target',
    classNames: sklearnHeader(wineCsv, 'wine', 178, 13),
  }),
);
