import * as fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectGradientsMatch } from '../../lib/testing/index.js';
import { type Row, runs } from './cases.js';
import { compositeRows, primitiveRows } from './rows.js';

function check(row: Row): void {
  fc.assert(
    fc.property(row.cases, ({ f, xs }) => {
      expectGradientsMatch(f, xs, row.options);
    }),
    { numRuns: runs(25) },
  );
}

describe('gradients of every primitive match finite differences (property)', () => {
  for (const [name, row] of Object.entries(primitiveRows)) it(name, () => check(row));
});

describe('gradients of the composites match finite differences (property)', () => {
  for (const [name, row] of Object.entries(compositeRows)) it(name, () => check(row));
});
