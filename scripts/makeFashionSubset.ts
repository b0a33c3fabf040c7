/**
 * Writes the balanced Fashion-MNIST subset the demo and the tests use, data/fashion-mnist/:
 * the first 1,000 training images of each class and the first 200 test images of each class,
 * in the original files' order, as gzipped IDX files under the original names. Run once with
 * the full data set (Debian: apt-get install dataset-fashion-mnist):
 *
 *   npx tsx scripts/makeFashionSubset.ts [/usr/share/datasets/fashion-mnist]
 *
 * The output is byte-for-byte reproducible (gzip level 9, no timestamp); the SHA-256 of
 * every file is in data/fashion-mnist/README.md and checked by spec/node/mnist.spec.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { IdxArray } from '../lib/index.js';
import { readIdxFile } from '../lib/node/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? '/usr/share/datasets/fashion-mnist';
const out = join(root, 'data', 'fashion-mnist');

/** IDX bytes of a uint8 array of `shape` (magic 0x00 0x00 0x08 rank, big-endian dims, values). */
function encodeIdx(shape: readonly number[], data: Uint8Array): Uint8Array {
  const header = new Uint8Array(4 + 4 * shape.length);
  const view = new DataView(header.buffer);
  header.set([0, 0, 0x08, shape.length]);
  shape.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d, false);
  });
  const bytes = new Uint8Array(header.length + data.length);
  bytes.set(header);
  bytes.set(data, header.length);
  return bytes;
}

/** The first `perClass` samples of each class, in file order. */
function balanced(labels: IdxArray, perClass: number): number[] {
  const counts = new Array<number>(10).fill(0);
  const picked: number[] = [];
  for (let i = 0; i < labels.shape[0]; i++) {
    const c = labels.data[i];
    if (counts[c] < perClass) {
      counts[c]++;
      picked.push(i);
    }
  }
  if (counts.some((n) => n < perClass))
    throw new Error(`a class has fewer than ${perClass} samples`);
  return picked;
}

function write(name: string, shape: number[], data: Uint8Array): void {
  const gz = gzipSync(encodeIdx(shape, data), { level: 9 });
  writeFileSync(join(out, `${name}.gz`), gz);
  console.log(`${createHash('sha256').update(gz).digest('hex')}  ${name}.gz`);
}

mkdirSync(out, { recursive: true });
for (const [split, perClass] of [
  ['train', 1000],
  ['t10k', 200],
] as const) {
  const images = await readIdxFile(join(source, `${split}-images-idx3-ubyte.gz`));
  const labels = await readIdxFile(join(source, `${split}-labels-idx1-ubyte.gz`));
  const picked = balanced(labels, perClass);
  const [, h, w] = images.shape;
  const pixels = new Uint8Array(picked.length * h * w);
  picked.forEach((i, k) => {
    pixels.set(images.data.subarray(i * h * w, (i + 1) * h * w) as Uint8Array, k * h * w);
  });
  write(`${split}-images-idx3-ubyte`, [picked.length, h, w], pixels);
  write(
    `${split}-labels-idx1-ubyte`,
    [picked.length],
    Uint8Array.from(picked, (i) => labels.data[i]),
  );
}
