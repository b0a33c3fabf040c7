import type { Dataset } from '../Dataset.js';
import { loadCsv } from '../loadCsv.js';
import { cachedDataset, type DatasetOptions } from './cachedDataset.js';
import { digitsCsv } from './embedded/digitsCsv.js';

const featureNames = Array.from({ length: 64 }, (_, i) => `pixel_${Math.floor(i / 8)}_${i % 8}`);

/**
 * UCI optical recognition of handwritten digits: 1797 images of 8×8 pixels (values 0–16), one
 * row each (`pixel_row_col`), 10 classes '0'–'9'. `y` holds the digit. Reshape `x` to
 * [1797, 8, 8] for images.
 *
 * @example
 * const ds = digits(); // x [1797,64], y [1797]
 */
export const digits: (options?: DatasetOptions) => Dataset = cachedDataset('digits', () =>
  loadCsv(digitsCsv, {
    headerRows: 0,
    columnNames: [...featureNames, 'target'],
    target: 'target',
    classNames: Array.from({ length: 10 }, (_, d) => String(d)),
  }),
);
