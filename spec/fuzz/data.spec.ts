import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tensor } from '../../lib/index.js';
import * as rx from '../../lib/index.js';
import { anyTensor, dtypeLike, element, isTensor, junk, tensorOf } from './arbitraries.js';
import { check, close, judge, judged } from './harness.js';

// Bad-input fuzzing of the data pipeline (CSV text, data sets, splits, batches, scalers,
// encoders) and of the metrics.

afterAll(() => {
  console.log(
    `fuzz data: ${judged.cases} cases, ${judged.errors} named errors, ${judged.results} checked results`,
  );
  expect(judged.cases).toBeGreaterThanOrEqual(600);
});

/** A CSV cell as written, and the value readCsv should read from it (or why it cannot). */
const cell = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
      .map((v) => ({ text: String(v), value: Number(String(v)) })),
  },
  {
    weight: 3,
    arbitrary: fc.integer({ min: -99, max: 99 }).map((v) => ({ text: ` ${v} `, value: v })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('1e400', '-1e309', 'inf', '-Infinity')
      .map((text) => ({ text, value: 'nonfinite' as const })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('', 'NA', 'nan')
      .map((text) => ({ text, value: 'missing' as const })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('x', 'red', '"1,5"', '1.2.3', '--1')
      .map((text) => ({ text, value: 'text' as const })),
  },
);

const csv = fc
  .record({
    cols: fc.integer({ min: 1, max: 4 }),
    rows: fc.integer({ min: 0, max: 5 }),
    endings: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 8, maxLength: 8 }),
    bom: fc.boolean(),
    trailing: fc.boolean(),
  })
  .chain(({ cols, rows, endings, bom, trailing }) =>
    fc
      .array(fc.array(cell, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      })
      .map((grid) => {
        const names = Array.from({ length: cols }, (_, j) => `c${j}`);
        const lines = [names.join(','), ...grid.map((r) => r.map((c) => c.text).join(','))];
        const text =
          (bom ? '\uFEFF' : '') +
          lines
            .map((l, i) => l + (i < lines.length - 1 || trailing ? endings[i % 8] : ''))
            .join('');
        return { text, grid, names };
      }),
  );

describe('CSV', () => {
  it('readCsv: a named error, or every row and number as written, with its line', () => {
    check(
      csv,
      ({ text, grid, names }) => {
        // a row whose only cell is empty is a blank line, which readCsv skips
        const kept = grid
          .map((r, i) => ({ r, line: i + 2 }))
          .filter(
            ({ r }) =>
              r
                .map((c) => c.text)
                .join(',')
                .trim() !== '',
          );
        const problems = kept
          .flatMap(({ r }) => r.map((c) => c.value))
          .filter((v) => typeof v === 'string');
        const shifted = grid.some((r) => r.some((c) => c.text.includes(',')));
        judge(
          'readCsv',
          () => rx.readCsv(text),
          (t) => {
            expect(t.names).toEqual(names);
            expect(t.rows).toEqual(kept.map(({ r }) => r.map((c) => c.value)));
            // the reference line numbers: split the text itself (CR then LF is one CRLF ending)
            const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
            const nonBlank = lines
              .map((l, i) => (i > 0 && l.trim() !== '' ? i + 1 : 0))
              .filter((i) => i > 0);
            expect(t.lines).toEqual(nonBlank);
          },
          problems.length > 0 || shifted ? 'invalid' : 'valid',
        );
      },
      250,
    );
  });

  it('loadCsv: a named error, or x [n, f] and y [n] in the dtype asked for', () => {
    const options = fc.oneof(
      fc.constant(undefined),
      fc.record(
        {
          target: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('c0', 'c9'), junk),
          dtype: dtypeLike,
          missing: fc.oneof(fc.constantFrom('error', 'drop'), junk),
          delimiter: fc.oneof(fc.constant(','), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    );
    check(
      fc.tuple(
        fc.oneof(
          { weight: 5, arbitrary: csv.map((c) => c.text) },
          { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
          { weight: 1, arbitrary: junk },
        ),
        options,
      ),
      ([text, o]) => {
        judge(
          'loadCsv',
          () => rx.loadCsv(text as string, o as rx.LoadCsvOptions),
          (ds) => {
            expect(ds.x.rank).toBe(2);
            expect(ds.y.shape).toEqual([ds.x.shape[0]]);
            expect(ds.x.data.every(Number.isFinite)).toBe(true);
            expect(ds.x.dtype).toBe((o as { dtype?: string } | undefined)?.dtype ?? 'float64');
          },
        );
      },
      200,
    );
  });

  it('readCsv on arbitrary text: a named error or rows of equal width', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc
        .array(fc.constantFrom('a', '1', ',', '"', '\n', '\r', '\r\n', ' ', '\uFEFF', ';', 'é'), {
          maxLength: 30,
        })
        .map((a) => a.join('')),
    );
    check(
      fc.tuple(
        text,
        fc.oneof(
          fc.constant(undefined),
          fc.record(
            {
              headerRows: fc.oneof(fc.nat(3), junk),
              categorical: fc.oneof(fc.constant([0, 1]), junk),
              delimiter: fc.oneof(fc.constantFrom(',', ';'), junk),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
      ([t, o]) => {
        judge(
          'readCsv',
          () => rx.readCsv(t, o as rx.ReadCsvOptions),
          (table) => {
            for (const row of table.rows) expect(row.length).toBe(table.names.length);
          },
        );
      },
      200,
    );
  });
});

const dataset = fc
  .tuple(
    fc.integer({ min: 0, max: 9 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
  )
  .chain(([n, f, k]) =>
    fc.tuple(
      tensorOf([n, f], 'float64'),
      fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([x, y]) => new rx.Dataset(x, rx.tensor(y, { shape: [y.length] })));
const dataLike = fc.oneof(
  { weight: 6, arbitrary: dataset },
  { weight: 1, arbitrary: fc.constant({ x: rx.zeros([2, 1]), y: rx.zeros([2]) }) },
  { weight: 1, arbitrary: junk },
);

describe('data sets', () => {
  it('trainTestSplit, shuffle, batches: a named error, or every sample exactly once', () => {
    const opts = fc.oneof(
      fc.constant(undefined),
      fc.record(
        {
          testFraction: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), junk),
          stratify: fc.oneof(fc.boolean(), junk),
          seed: fc.oneof(fc.integer(), junk),
          batchSize: fc.oneof(fc.integer({ min: 1, max: 4 }), junk),
          shuffle: fc.oneof(fc.boolean(), junk),
          dropLast: fc.oneof(fc.boolean(), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    );
    const sorted = (t: Tensor) => Array.from(Float64Array.from(t.data).sort());
    check(
      fc.tuple(fc.constantFrom('trainTestSplit', 'shuffle', 'batches'), dataLike, opts),
      ([name, ds, o]) => {
        const d = (
          ds instanceof rx.Dataset || !isTensor((ds as rx.Dataset)?.x)
            ? ds
            : new rx.Dataset((ds as rx.Dataset).x, (ds as rx.Dataset).y)
        ) as rx.Dataset;
        if (name === 'trainTestSplit') {
          const known = (k: string) =>
            ['testFraction', 'stratify', 'shuffle', 'seed', 'rng'].includes(k);
          const oo = (o ?? {}) as Record<string, unknown>;
          const opt =
            typeof oo === 'object' && oo !== null && Object.keys(oo).every(known) ? oo : o;
          judge(
            name,
            () => rx.trainTestSplit(ds as rx.Dataset, opt as rx.TrainTestSplitOptions),
            ({ train, test }) => {
              expect(train.length + test.length).toBe(d.length);
              expect(test.length).toBe(
                Math.ceil(
                  d.length * ((opt as { testFraction?: number })?.testFraction ?? 0.2) - 1e-9,
                ),
              );
              const both = Float64Array.from([...sorted(train.y), ...sorted(test.y)]).sort();
              expect(Array.from(both)).toEqual(sorted(d.y));
            },
          );
        } else if (name === 'shuffle') {
          judge(
            name,
            () => rx.shuffle(ds as rx.Dataset, o as rx.SeedOptions),
            (s) => expect(sorted(s.x)).toEqual(sorted(d.x)),
          );
        } else {
          judge(
            name,
            () => [...rx.batches(ds as rx.Dataset, o as rx.BatchesOptions)],
            (bs) => {
              const bsz = (o as rx.BatchesOptions).batchSize;
              const n = bs.reduce((s, b) => s + b.x.shape[0], 0);
              expect(n).toBe(
                (o as rx.BatchesOptions).dropLast ? Math.floor(d.length / bsz) * bsz : d.length,
              );
              expect(bs.length).toBeGreaterThan(0); // never silently nothing
            },
          );
        }
      },
      300,
    );
  });

  it('scalers: a named error, or finite values that invert back', () => {
    const big = fc.oneof(element, fc.constantFrom(1e308, -1e308, 1e-310, 7e307));
    const x = fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 }))
      .chain(([n, f]) => tensorOf([n, f], 'float64', big));
    check(
      fc.tuple(
        fc.constantFrom('standardScaler', 'minMaxScaler'),
        fc.oneof(
          { weight: 6, arbitrary: x },
          { weight: 1, arbitrary: anyTensor },
          { weight: 1, arbitrary: junk },
        ),
        fc.oneof(
          fc.constant(undefined),
          fc.record(
            { withMean: fc.oneof(fc.boolean(), junk), range: fc.oneof(fc.constant([-1, 1]), junk) },
            { requiredKeys: [] },
          ),
          junk,
        ),
      ),
      ([name, t, o]) => {
        const make = () =>
          name === 'standardScaler' ? rx.standardScaler(o as never) : rx.minMaxScaler(o as never);
        judge(
          [name, `${name}.fit`, `${name}.transform`],
          () => {
            const s = make().fit(t as Tensor);
            return {
              z: s.transform(t as Tensor),
              back: s.inverseTransform(s.transform(t as Tensor)),
            };
          },
          ({ z, back }) => {
            const tt = t as Tensor;
            const tol = tt.dtype === 'float32' ? 1e-5 : 1e-9;
            expect(z.data.every(Number.isFinite), `${name} gave ${Array.from(z.data)}`).toBe(true);
            back.data.forEach((v, i) => {
              expect(
                close(v, tt.data[i], tol, tol * Math.max(1, ...Array.from(tt.data, Math.abs))),
              ).toBe(true);
            });
          },
        );
      },
      250,
    );
  });

  it('encoders: a named error, or one column per category and rows of one-hot values', () => {
    const cells = fc.array(
      fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 2 }), junk),
      { maxLength: 5 },
    );
    check(
      fc.tuple(
        fc.constantFrom('oneHotEncoder', 'labelEncoder'),
        fc.oneof(cells, fc.array(cells, { maxLength: 3 }), anyTensor, junk),
      ),
      ([name, data]) => {
        if (name === 'oneHotEncoder') {
          judge(
            ['oneHotEncoder', 'oneHotEncoder.fit', 'oneHotEncoder.transform'],
            () =>
              rx
                .oneHotEncoder()
                .fit(data as never)
                .transform(data as never),
            (t) => {
              expect(t.data.every((v) => v === 0 || v === 1)).toBe(true);
            },
          );
        } else {
          judge(
            ['labelEncoder', 'labelEncoder.fit', 'labelEncoder.transform'],
            () =>
              rx
                .labelEncoder()
                .fit(data as never)
                .transform(data as never),
            (t) => {
              expect(t.data.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
            },
          );
        }
      },
      150,
    );
  });
});

describe('metrics', () => {
  const labels = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 6 });
  const metricInput = fc.oneof(
    labels,
    fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { maxLength: 6 }),
    anyTensor,
    fc.array(fc.integer({ min: 0, max: 40000 }), { maxLength: 2 }),
    junk,
  );
  const METRICS = {
    accuracy: rx.accuracy,
    binaryAccuracy: rx.binaryAccuracy,
    precision: rx.precision,
    recall: rx.recall,
    f1: rx.f1,
    mae: rx.mae,
    rmse: rx.rmse,
    r2: rx.r2,
  };
  it('a named error, or a score in its range; confusionMatrix counts every sample', () => {
    const opts = fc.oneof(
      fc.constant(undefined),
      fc.record(
        {
          average: fc.oneof(fc.constantFrom('binary', 'macro'), junk),
          numClasses: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom(1e6, 5000), junk),
          threshold: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    );
    check(
      fc.tuple(
        fc.constantFrom(...Object.keys(METRICS), 'confusionMatrix'),
        metricInput,
        metricInput,
        opts,
      ),
      ([name, p, t, o]) => {
        if (name === 'confusionMatrix') {
          judge(
            name,
            () => rx.confusionMatrix(p as number[], t as number[], o as never),
            (m) => {
              const n = isTensor(p) ? p.shape[0] : (p as unknown[]).length;
              expect(m.flat().reduce((a, b) => a + b, 0)).toBe(n);
              expect(m.length).toBeLessThanOrEqual(4096);
            },
          );
          return;
        }
        judge(
          name,
          () =>
            (
              METRICS[name as keyof typeof METRICS] as (
                a: unknown,
                b: unknown,
                c: unknown,
              ) => number
            )(p, t, o),
          (v) => {
            expect(Number.isFinite(v) || (name === 'r2' && !Number.isNaN(v))).toBe(true);
            if (['accuracy', 'binaryAccuracy', 'precision', 'recall', 'f1'].includes(name)) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
            }
            if (name === 'mae' || name === 'rmse') expect(v).toBeGreaterThanOrEqual(0);
            if (name === 'accuracy' && Array.isArray(p) && Array.isArray(t)) {
              const hits = p.filter((x, i) => x === t[i]).length;
              expect(v).toBe(hits / p.length);
            }
          },
        );
      },
      350,
    );
  });
});
