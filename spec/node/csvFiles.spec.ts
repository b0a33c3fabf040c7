import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCsvFile, readCsvFile } from '../../lib/node/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rxgrad-csv-'));
const file = join(dir, 'houses.csv');
writeFileSync(file, 'rooms,district,price\n3,north,250\n5,south,410\n');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CSV files (rxgrad/node)', () => {
  it('loadCsvFile reads a file into a data set', async () => {
    const houses = await loadCsvFile(file, { target: 'price', features: ['rooms'] });
    expect(houses.x.toArray()).toEqual([[3], [5]]);
    expect(houses.y.toArray()).toEqual([250, 410]);
  });

  it('readCsvFile reads a file into a table', async () => {
    const table = await readCsvFile(file, { categorical: ['district'] });
    expect(table.rows).toEqual([
      [3, 'north', 250],
      [5, 'south', 410],
    ]);
  });

  it('a missing file is the file system error, naming the path', async () => {
    await expect(loadCsvFile(join(dir, 'nope.csv'))).rejects.toThrow(/ENOENT.*nope\.csv/);
  });
});
