import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { breastCancerCsv } from '../../../lib/data/datasets/embedded/breastCancerCsv.js';
import { digitsCsv } from '../../../lib/data/datasets/embedded/digitsCsv.js';
import { housePricesCsv } from '../../../lib/data/datasets/embedded/housePricesCsv.js';
import { irisCsv } from '../../../lib/data/datasets/embedded/irisCsv.js';
import { wineCsv } from '../../../lib/data/datasets/embedded/wineCsv.js';

const files = join(import.meta.dirname, '..', '..', '..', 'lib', 'data', 'datasets', 'files');
const embedded: Record<string, string> = {
  'breast_cancer.csv': breastCancerCsv,
  'digits.csv.gz': digitsCsv,
  'iris.csv': irisCsv,
  'wine_data.csv': wineCsv,
  'boston_house_prices.csv': housePricesCsv,
};

describe('bundled data files', () => {
  it('are byte-identical to the sources (SHA-256 listed in files/README.md)', () => {
    const readme = readFileSync(join(files, 'README.md'), 'utf8');
    for (const name of Object.keys(embedded)) {
      const hash = createHash('sha256')
        .update(readFileSync(join(files, name)))
        .digest('hex');
      expect(readme).toContain(`${hash}  ${name}`);
    }
  });

  it('embedded modules hold exactly the text of the files (run scripts/embedDatasets.ts if not)', () => {
    for (const [name, text] of Object.entries(embedded)) {
      const bytes = readFileSync(join(files, name));
      const expected = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      expect(text === expected, name).toBe(true);
    }
  });

  it('the README keeps the source line of every file', () => {
    const readme = readFileSync(join(files, 'README.md'), 'utf8');
    for (const name of Object.keys(embedded)) {
      expect(readme).toMatch(
        new RegExp(`\\| \`${name.replace(/\./g, '\\.')}\` +\\| .*(CC BY|StatLib)`),
      );
    }
    expect(readme).toContain('must not be used as a feature: drop it');
  });
});
