import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ArgumentError, FormatError, fashionMnistClasses } from '../../lib/index.js';
import { loadMnist, readIdxFile } from '../../lib/node/index.js';

const subset = join(import.meta.dirname, '..', '..', 'data', 'fashion-mnist');

describe('loadMnist / readIdxFile on the Fashion-MNIST subset (data/fashion-mnist)', () => {
  it('reads the four gzipped files: 10,000 + 2,000 images of 28×28, 1,000 and 200 per class', async () => {
    const { train, test } = await loadMnist(subset, { classNames: fashionMnistClasses });
    expect(train.x.shape).toEqual([10000, 1, 28, 28]);
    expect(test.x.shape).toEqual([2000, 1, 28, 28]);
    expect(train.classNames).toEqual(fashionMnistClasses);
    for (const [ds, per] of [
      [train, 1000],
      [test, 200],
    ] as const) {
      const counts = new Array<number>(10).fill(0);
      for (const c of ds.y.data) counts[c]++;
      expect(counts).toEqual(new Array(10).fill(per));
    }
    const px = Array.from(train.x.data);
    expect(Math.min(...px.slice(0, 7840))).toBe(0);
    expect(Math.max(...px.slice(0, 7840))).toBe(1);
  });

  it('the files are the ones the README lists (SHA-256)', () => {
    const readme = readFileSync(join(subset, 'README.md'), 'utf8');
    for (const f of ['train-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']) {
      const sum = createHash('sha256')
        .update(readFileSync(join(subset, f)))
        .digest('hex');
      expect(readme).toContain(`${sum}  ${f}`);
    }
  });

  it('reads uncompressed files too, and names a missing file or a malformed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rxgrad-idx-'));
    const raw = gunzipSync(readFileSync(join(subset, 't10k-labels-idx1-ubyte.gz')));
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte'), raw);
    expect((await readIdxFile(join(dir, 't10k-labels-idx1-ubyte'))).shape).toEqual([2000]);
    await expect(loadMnist(dir)).rejects.toThrow(ArgumentError);
    await expect(loadMnist(dir)).rejects.toThrow(
      `loadMnist: ${dir} has no train-images-idx3-ubyte.gz or train-images-idx3-ubyte`,
    );
    writeFileSync(join(dir, 'bad'), Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 9, 1));
    await expect(readIdxFile(join(dir, 'bad'))).rejects.toThrow(FormatError);
  });
});
