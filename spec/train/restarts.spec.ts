import { lastValueFrom, of, queueScheduler, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import {
  Dataset,
  evaluate,
  fit,
  type RestartsEvent,
  restarts,
  type TrainEvent,
  tensor,
} from '../../lib/index.js';
import { epochEvent, errorOf, PlainSgd, Scale } from './helpers.js';

const marbles = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const data = () => new Dataset(tensor([[1], [2]]), tensor([[2], [4]]));

/** Run with seed s: the line model from w0 = 2s, one epoch; its loss is 2.5(w0 − 2)². */
const lineRun = (seed: number) => {
  const model = new Scale(2 * seed);
  return fit(model, data(), {
    loss: 'mse',
    optimizer: new PlainSgd(model.parameters(), 0.1),
    batchSize: 2,
    scheduler: queueScheduler,
  });
};

describe('restarts', () => {
  it('runs n seeded runs in turn, tags their events, and summarises the metric (by hand)', async () => {
    const events = await lastValueFrom(restarts(3, lineRun).pipe(toArray()));
    expect(events.map((e) => `${e.type}${'run' in e ? e.run : ''}`)).toEqual([
      'start0',
      'epoch0',
      'start1',
      'epoch1',
      'start2',
      'epoch2',
      'summary',
    ]);
    // w0 = 0, 2, 4: losses 10, 0, 10; mean 20/3, population std √(200/9) = 4.714...
    expect(events.at(-1)).toEqual({
      type: 'summary',
      metric: 'loss',
      runs: 3,
      seeds: [0, 1, 2],
      values: [10, 0, 10],
      mean: 20 / 3,
      std: Math.sqrt(200 / 9),
      min: 0,
      max: 10,
    });
  });

  it('uses the score a factory returns, computed after its run, and seeds from options.seed', async () => {
    const seen: number[] = [];
    const summary = await lastValueFrom(
      restarts(
        2,
        (seed, run) => {
          seen.push(seed * 10 + run);
          const model = new Scale(2 * (seed - 5));
          return {
            run$: fit(model, data(), {
              loss: 'mse',
              optimizer: new PlainSgd(model.parameters(), 0.1),
              epochs: 2,
              batchSize: 2,
              scheduler: queueScheduler,
            }),
            score: () => evaluate(model, data(), ['mae']).metrics.mae,
          };
        },
        { seed: 5, name: 'mae' },
      ),
    );
    expect(seen).toEqual([50, 61]);
    // seed 5: w 0 → 1 → 1.5, mae 0.75; seed 6: w 2 stays, mae 0
    expect(summary).toMatchObject({
      type: 'summary',
      metric: 'mae',
      seeds: [5, 6],
      values: [0.75, 0],
      mean: 0.375,
      std: 0.375,
    });
  });

  it("summarises a monitored field of each run's last epoch", () => {
    marbles().run(({ cold, expectObservable }) => {
      const runs = [0.5, 0.25].map((acc, i) =>
        cold<RestartsEvent>('-a-b|', {
          a: epochEvent(1, { valLoss: 9, valMetrics: { accuracy: 0.1 } }),
          b: epochEvent(2, { valLoss: 9, valMetrics: { accuracy: acc }, run: i }),
        }),
      );
      const out$ = restarts(2, (_seed, i) => runs[i] as never, { metric: 'valMetrics.accuracy' });
      expectObservable(out$).toBe('-a-b-c-d(s|)', {
        a: epochEvent(1, { valLoss: 9, valMetrics: { accuracy: 0.1 }, run: 0 }),
        b: epochEvent(2, { valLoss: 9, valMetrics: { accuracy: 0.5 }, run: 0 }),
        c: epochEvent(1, { valLoss: 9, valMetrics: { accuracy: 0.1 }, run: 1 }),
        d: epochEvent(2, { valLoss: 9, valMetrics: { accuracy: 0.25 }, run: 1 }),
        s: {
          type: 'summary',
          metric: 'valMetrics.accuracy',
          runs: 2,
          seeds: [0, 1],
          values: [0.5, 0.25],
          mean: 0.375,
          std: 0.125,
          min: 0.25,
          max: 0.5,
        },
      });
    });
  });

  it('stops the current run and starts no other when unsubscribed', async () => {
    const started: number[] = [];
    const events = await lastValueFrom(
      restarts(5, (seed) => {
        started.push(seed);
        return lineRun(seed);
      }).pipe(take(3), toArray()),
    );
    expect(started).toEqual([0, 1]);
    expect(events.map((e) => `${e.type}${'run' in e ? e.run : ''}`)).toEqual([
      'start0',
      'epoch0',
      'start1',
    ]);
  });

  it('a failing run fails the whole; bad arguments are ArgumentError notifications', async () => {
    const outcome = await lastValueFrom(
      restarts(2, (seed) => {
        const model = new Scale(0);
        return fit(model, data(), {
          loss: 'mse',
          optimizer: new PlainSgd(model.parameters(), seed === 1 ? 1e200 : 0.1),
          epochs: 3,
          batchSize: 2,
          scheduler: queueScheduler,
        });
      }).pipe(toArray()),
    ).catch((e: Error) => e.name);
    expect(outcome).toBe('NonFiniteError');
    expect(() => restarts(0, lineRun)).not.toThrow();
    expect(errorOf(restarts(0, lineRun))?.message).toMatch(
      /^restarts: n must be a positive integer, got 0/,
    );
    expect(errorOf(restarts(2, 'fit' as never))?.message).toMatch(/factory must be a function/);
    expect(errorOf(restarts(2, lineRun, { metric: 'acc' }))?.message).toMatch(/monitor must be/);
    expect(errorOf(restarts(1, () => of<TrainEvent>()))?.message).toBe(
      "restarts: run 0 ended without an epoch event, so it has no 'valLoss' (or 'loss' without validation) to summarise",
    );
  });

  it('unsubscribing stops the current run and never subscribes the next', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = epochEvent(1);
      const runs = [cold<RestartsEvent>('-a-a|', { a }), cold<RestartsEvent>('-a-a|', { a })];
      const out$ = restarts(2, (_s, i) => runs[i] as never);
      expectObservable(out$, '^--!').toBe('-x', { x: { ...a, run: 0 } });
      expectSubscriptions(runs[0].subscriptions).toBe('^--!');
      expectSubscriptions(runs[1].subscriptions).toBe([]);
    });
  });
});
