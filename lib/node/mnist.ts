import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArgumentError } from '../core/index.js';
import {
  type Dataset,
  type IdxArray,
  type IdxDatasetOptions,
  idxDataset,
  readIdx,
} from '../data/index.js';

/**
 * Reads an IDX file (`.gz` or not; gzip is recognised by its bytes) from disk.
 *
 * @example const images = await readIdxFile('data/t10k-images-idx3-ubyte.gz');
 */
export async function readIdxFile(path: string): Promise<IdxArray> {
  if (typeof path !== 'string' || path === '') {
    throw new ArgumentError(
      `readIdxFile: path must be a non-empty string, got ${JSON.stringify(path)}`,
    );
  }
  return readIdx(new Uint8Array(await readFile(path)));
}

/** The four files of an MNIST-style directory, by the names the data sets ship them under. */
const FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

async function find(dir: string, base: string): Promise<string> {
  for (const name of [`${base}.gz`, base]) {
    const path = join(dir, name);
    try {
      await access(path);
      return path;
    } catch {
      // try the next spelling
    }
  }
  throw new ArgumentError(
    `loadMnist: ${dir} has no ${base}.gz or ${base} (an MNIST-style directory holds train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, gzipped or not)`,
  );
}

/**
 * The training and test sets of an MNIST-style directory: the four IDX files MNIST and
 * Fashion-MNIST ship as (`train-images-idx3-ubyte.gz`, `train-labels-idx1-ubyte.gz`,
 * `t10k-images-idx3-ubyte.gz`, `t10k-labels-idx1-ubyte.gz`, gzipped or not), as `idxDataset`s.
 *
 * @example
 * const { train, test } = await loadMnist('/usr/share/datasets/fashion-mnist', {
 *   classNames: fashionMnistClasses,
 * }); // train.x [60000, 1, 28, 28]
 */
export async function loadMnist(
  dir: string,
  options: IdxDatasetOptions = {},
): Promise<{
  /** The training images and labels (`train-*` files). */
  train: Dataset;
  /** The test images and labels (`t10k-*` files). */
  test: Dataset;
}> {
  if (typeof dir !== 'string' || dir === '') {
    throw new ArgumentError(
      `loadMnist: dir must be a non-empty string, got ${JSON.stringify(dir)}`,
    );
  }
  // NOTE: the files are found one after another, so a directory missing several names the
  // first of them in this order on every run (found in parallel, whichever failed first won)
  const paths: string[] = [];
  for (const base of Object.values(FILES)) paths.push(await find(dir, base));
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    paths.map((path) => readIdxFile(path)),
  );
  return {
    train: idxDataset(trainImages, trainLabels, options),
    test: idxDataset(testImages, testLabels, options),
  };
}
