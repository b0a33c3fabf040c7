import type { Tensor } from '../autograd/index.js';
import { ArgumentError, booleanOption, checkOptions, excerpt, type Random } from '../core/index.js';
import { type DataLike, type Dataset, expectDataset } from './Dataset.js';
import { gatherRows } from './gatherRows.js';
import { rngFrom, type SeedOptions } from './rngFrom.js';

/** One mini-batch: copied rows of `x` and `y`. */
export interface Batch {
  /** The batch's rows of the features. */
  readonly x: Tensor;
  /** The batch's rows of the targets. */
  readonly y: Tensor;
}

/** Options of `batches`. */
export interface BatchesOptions extends SeedOptions {
  /** Samples per batch, a positive integer. */
  batchSize: number;
  /** Draw a new random order of the samples at the start of each pass (from `seed` or `rng`, which are otherwise unused). Default false. */
  shuffle?: boolean;
  /** Leave out the last, smaller batch. Default false. */
  dropLast?: boolean;
}

/**
 * The mini-batches of a data set: iterate it once per epoch. With `shuffle`, each pass (each
 * call of `[Symbol.iterator]`) draws a new permutation from the generator, so epochs differ
 * but the whole sequence is fixed by the seed (or by the state of the `rng` passed in).
 */
export class Batches implements Iterable<Batch> {
  /** Number of batches in one pass. */
  readonly length: number;

  constructor(
    /** The data set it batches. */
    readonly dataset: Dataset,
    /** Samples per batch (the last batch may be smaller unless `dropLast`). */
    readonly batchSize: number,
    /** Whether each pass draws a new random order. */
    readonly shuffle: boolean,
    /** Whether the last, smaller batch is left out. */
    readonly dropLast: boolean,
    private readonly rng: Random | null,
  ) {
    const n = dataset.length;
    this.length = dropLast ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
  }

  /** One pass over the data: the batches in order (a new order each pass with `shuffle`). */
  *[Symbol.iterator](): Iterator<Batch> {
    const n = this.dataset.length;
    const order = this.rng ? this.rng.permutation(n) : Array.from({ length: n }, (_, i) => i);
    for (let b = 0; b < this.length; b++) {
      const idx = order.slice(b * this.batchSize, (b + 1) * this.batchSize);
      yield {
        x: gatherRows(this.dataset.x, idx, 'batches'),
        y: gatherRows(this.dataset.y, idx, 'batches'),
      };
    }
  }
}

/**
 * Splits a data set into mini-batches of `batchSize` samples (rows copied), in order or in a
 * seeded random order.
 *
 * @example
 * for (const { x, y } of batches(train, { batchSize: 32, shuffle: true, seed: 0 })) {
 *   // one optimiser step on x, y
 * }
 */
export function batches(dataset: DataLike, options: BatchesOptions): Batches {
  const where = 'batches';
  const ds = expectDataset(dataset, where);
  if (options === undefined) {
    throw new ArgumentError(`${where}: options { batchSize } are required, got undefined`);
  }
  checkOptions(options, ['batchSize', 'shuffle', 'dropLast', 'seed', 'rng'], where);
  const { batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new ArgumentError(
      `${where}: batchSize must be a positive integer, got ${excerpt(batchSize)}`,
    );
  }
  if (ds.length === 0)
    throw new ArgumentError(`${where}: the data set is empty (expected at least one sample)`);
  const dropLast = booleanOption(options.dropLast, false, where, 'dropLast');
  if (dropLast && batchSize > ds.length) {
    throw new ArgumentError(
      `${where}: dropLast with batchSize ${batchSize} > ${ds.length} samples leaves no batch`,
    );
  }
  const shuffle = booleanOption(options.shuffle, false, where, 'shuffle');
  return new Batches(ds, batchSize, shuffle, dropLast, shuffle ? rngFrom(options, where) : null);
}
