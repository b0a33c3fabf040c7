import { checkOptions } from '../core/index.js';
import { type DataLike, type Dataset, expectDataset } from './Dataset.js';
import { rngFrom, type SeedOptions } from './rngFrom.js';

/**
 * The samples of `ds` in a seeded random order (a Fisher–Yates permutation of the rows).
 *
 * @example
 * const mixed = shuffle(ds, { seed: 1 }); // same order on every run
 */
export function shuffle(ds: DataLike, options: SeedOptions = {}): Dataset {
  const data = expectDataset(ds, 'shuffle');
  const rng = rngFrom(checkOptions(options, ['seed', 'rng'], 'shuffle'), 'shuffle');
  return data.subset(rng.permutation(data.length));
}
