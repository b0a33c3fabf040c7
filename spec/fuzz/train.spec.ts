import * as fc from 'fast-check';
import { asapScheduler, type Observable, type Subscription } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import * as rx from '../../lib/index.js';
import { junk } from './arbitraries.js';
import { judgeAsync, judged, SEED } from './harness.js';

// Bad-input fuzzing of the trainer's options: fit(...) must either refuse them with a named
// error, synchronously or as the Observable's error notification, or run: a `start` event,
// then epochs with finite losses (or a NonFiniteError), and no hang.

afterAll(() => {
  console.log(
    `fuzz train: ${judged.cases} cases, ${judged.errors} named errors, ${judged.results} checked results`,
  );
  expect(judged.cases).toBeGreaterThanOrEqual(100);
});

/** A run's first events (at most `limit`), or its error; a run that goes quiet fails as a hang. */
function firstEvents(run$: Observable<rx.TrainEvent>, limit: number): Promise<rx.TrainEvent[]> {
  return new Promise((resolve, reject) => {
    const events: rx.TrainEvent[] = [];
    let sub: Subscription | undefined;
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      f();
      sub?.unsubscribe();
    };
    const timer = setTimeout(
      () =>
        finish(() => reject(new Error(`fit: hang: no completion after ${events.length} events`))),
      10_000,
    );
    sub = run$.subscribe({
      next: (e) => {
        events.push(e);
        if (events.length >= limit) finish(() => resolve(events));
      },
      error: (e) => finish(() => reject(e)),
      complete: () => finish(() => resolve(events)),
    });
    if (done) sub.unsubscribe();
  });
}

const data = new rx.Dataset(
  rx.tensor([
    [0, 1],
    [1, 0],
    [1, 1],
    [0, 0],
    [0.5, 0.5],
    [1, 0.2],
  ]),
  rx.tensor([[1], [1], [0], [0], [0.5], [0.8]]),
);

/** Mostly valid, sometimes junk. */
const valid = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 12, arbitrary: a }, { weight: 1, arbitrary: junk });

const options = fc
  .tuple(
    fc.record(
      {
        loss: valid(
          fc.constantFrom('mse', 'binaryCrossEntropyWithLogits', 'sse', 'crossEntropy', 'mae'),
        ),
        epochs: valid(fc.integer({ min: 1, max: 3 })),
        batchSize: valid(fc.integer({ min: 1, max: 8 })),
        shuffle: valid(fc.boolean()),
        dropLast: valid(fc.boolean()),
        seed: valid(fc.integer()),
        validation: valid(
          fc.oneof(fc.double({ min: 0.1, max: 0.6, noNaN: true }), fc.constant(data)),
        ),
        metrics: valid(fc.constantFrom(['binaryAccuracy'], ['mae'], ['nope'])),
        emit: valid(fc.constantFrom('epoch', 'step', 2)),
        sliceMs: valid(fc.constantFrom(0, 5)),
      },
      { requiredKeys: [] },
    ),
    fc.oneof(
      { weight: 12, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.constant({ learningRate: 0.1 }) },
    ),
  )
  .map(([o, extra]) => ({ loss: 'mse', ...o, ...extra }));

describe('fit options', () => {
  it('a named error (thrown or as the error notification), or a run that starts and reports finite losses', async () => {
    await fc.assert(
      fc.asyncProperty(options, fc.boolean(), async (o, withScheduler) => {
        const model = rx.mlp([2, 3, 1], { seed: 1 });
        const optimizer = rx.sgd(model.parameters(), { lr: 0.05 });
        const all = { ...o, optimizer, ...(withScheduler ? { scheduler: asapScheduler } : {}) };
        await judgeAsync(
          ['fit'],
          () => firstEvents(rx.fit(model, data, all as rx.FitOptions), 30),
          (events) => {
            expect(events[0]?.type).toBe('start');
            for (const e of events) {
              if (e.type === 'epoch') expect(Number.isFinite(e.loss)).toBe(true);
            }
          },
        );
      }),
      { seed: SEED, numRuns: 150, endOnFailure: true },
    );
  });

  it('bad models, data and optimisers: a named error', async () => {
    const model = fc.oneof(fc.constant('mlp'), junk);
    const ds = fc.oneof(
      fc.constant(data),
      fc.constant({ x: data.x, y: data.y }),
      fc.constant({ x: [[1]], y: [1] }),
      junk,
    );
    const opt = fc.oneof(fc.constant('sgd'), fc.constant('foreign'), junk);
    await fc.assert(
      fc.asyncProperty(model, ds, opt, async (m, d, o) => {
        const net = rx.mlp([2, 3, 1], { seed: 2 });
        const optimizer =
          o === 'sgd'
            ? rx.sgd(net.parameters(), { lr: 0.1 })
            : o === 'foreign'
              ? rx.sgd([rx.tensor([1], { requiresGrad: true })], { lr: 0.1 })
              : o;
        await judgeAsync('fit', () =>
          firstEvents(
            rx.fit((m === 'mlp' ? net : m) as rx.Module, d as rx.Dataset, {
              loss: 'mse',
              optimizer: optimizer as rx.Optimizer,
              epochs: 1,
              scheduler: asapScheduler,
            }),
            10,
          ),
        );
      }),
      { seed: SEED, numRuns: 60, endOnFailure: true },
    );
  });
});
