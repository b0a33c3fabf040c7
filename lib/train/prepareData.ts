import type { Tensor } from '../autograd/index.js';
import { NonFiniteError, Random } from '../core/index.js';
import { type Batch, batches } from '../data/batches.js';
import type { Dataset } from '../data/Dataset.js';
import { trainTestSplit } from '../data/trainTestSplit.js';
import { firstNonFiniteIndex } from './findNonFinite.js';

/** What a `fit` run trains and validates on, and the generator of its data order. */
export interface PreparedData {
  readonly train: Dataset;
  readonly val: Dataset | null;
  /** One pass: the mini-batches of an epoch. */
  readonly batches: Iterable<Batch> & { readonly length: number };
  /** Draws each epoch's order (with `shuffle`); its state is what snapshots save. */
  readonly dataRng: Random;
}

function checkFinite(t: Tensor, what: string, where: string): void {
  const i = firstNonFiniteIndex(t);
  if (i >= 0) {
    const row = t.rank > 0 && t.shape[0] > 0 ? Math.floor(i / (t.size / t.shape[0])) : 0;
    throw new NonFiniteError(
      `${where}: ${what} holds ${t.data[i]} (sample ${row}, flat index ${i})`,
    );
  }
}

/**
 * Splits off the validation set (a seeded fraction, or the set given), checks that every value
 * is finite, and sets up the mini-batches. Two generators are forked from `seed`: one for the
 * split, one for the data order, so the split is the same whatever the order does.
 */
export function prepareData(
  data: Dataset,
  options: {
    seed: number;
    validation: Dataset | number | undefined;
    batchSize: number;
    shuffle: boolean;
    dropLast: boolean;
  },
  where: string,
): PreparedData {
  const root = new Random(options.seed);
  const splitRng = root.fork();
  const dataRng = root.fork();
  let train = data;
  let val: Dataset | null = null;
  if (typeof options.validation === 'number') {
    ({ train, test: val } = trainTestSplit(data, {
      testFraction: options.validation,
      rng: splitRng,
    }));
  } else if (options.validation) {
    val = options.validation;
  }
  checkFinite(train.x, 'the training data x', where);
  checkFinite(train.y, 'the training data y', where);
  if (val) {
    checkFinite(val.x, 'the validation data x', where);
    checkFinite(val.y, 'the validation data y', where);
  }
  const { batchSize, shuffle, dropLast } = options;
  const n = train.length;
  // NOTE: one batch of the whole set, in order, is the set itself: no copy of it every epoch
  const whole = !shuffle && (batchSize === n || (batchSize > n && !dropLast));
  return {
    train,
    val,
    batches: whole
      ? {
          length: 1,
          *[Symbol.iterator]() {
            yield train;
          },
        }
      : batches(train, { batchSize, shuffle, dropLast, rng: dataRng }),
    dataRng,
  };
}
