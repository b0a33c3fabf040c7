import { readFile } from 'node:fs/promises';
import { ArgumentError } from '../core/index.js';
import {
  type CsvTable,
  type Dataset,
  type LoadCsvOptions,
  loadCsv,
  type ReadCsvOptions,
  readCsv,
} from '../data/index.js';

async function text(path: string, where: string): Promise<string> {
  if (typeof path !== 'string' || path === '') {
    throw new ArgumentError(
      `${where}: path must be a non-empty string, got ${JSON.stringify(path)}`,
    );
  }
  return readFile(path, 'utf8');
}

/**
 * Reads a CSV file into a data set: `loadCsv` on the file's text (UTF-8).
 *
 * @example
 * const houses = await loadCsvFile('houses.csv', { target: 'price' });
 */
export async function loadCsvFile(path: string, options: LoadCsvOptions = {}): Promise<Dataset> {
  return loadCsv(await text(path, 'loadCsvFile'), options);
}

/**
 * Reads a CSV file into a table of rows: `readCsv` on the file's text (UTF-8).
 *
 * @example
 * const table = await readCsvFile('houses.csv', { categorical: ['district'] });
 */
export async function readCsvFile(path: string, options: ReadCsvOptions = {}): Promise<CsvTable> {
  return readCsv(await text(path, 'readCsvFile'), options);
}
