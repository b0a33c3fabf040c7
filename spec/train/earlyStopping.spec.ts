import { lastValueFrom, of, queueScheduler, tap, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  type CheckpointEvent,
  Dataset,
  type EarlyStopEvent,
  type EpochEvent,
  earlyStopping,
  fit,
  type Snapshot,
  type StartEvent,
  type TrainEvent,
  tensor,
} from '../../lib/index.js';
import { epochEvent, errorOf, line, PlainSgd, Scale } from './helpers.js';

const marbles = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const losses = (values: number[], field: 'loss' | 'valLoss' = 'loss') =>
  values.map((v, i) => epochEvent(i + 1, { [field]: v }));

const stopped = (e: EpochEvent, fields: Partial<EarlyStopEvent>): EarlyStopEvent => ({
  type: 'earlyStop',
  epoch: e.epoch,
  step: e.step,
  monitor: 'loss',
  best: 0,
  bestEpoch: 0,
  restored: false,
  ...fields,
});

describe('earlyStopping', () => {
  it('stops after `patience` epochs without improvement: the epoch event, earlyStop, complete', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const e = losses([3, 2, 2.5, 2.1, 1]);
      const source = cold('a-b-c-d-e-|', { a: e[0], b: e[1], c: e[2], d: e[3], e: e[4] });
      expectObservable(source.pipe(earlyStopping({ patience: 2 }))).toBe('a-b-c-(dx|)', {
        a: e[0],
        b: e[1],
        c: e[2],
        d: e[3],
        x: stopped(e[3], { best: 2, bestEpoch: 2 }),
      });
      // completing unsubscribes from the source (from fit: the run stops there)
      expectSubscriptions(source.subscriptions).toBe('^-----!');
    });
  });

  it('patience 0 stops at the first epoch that does not improve', () => {
    marbles().run(({ cold, expectObservable }) => {
      const e = losses([3, 3]);
      expectObservable(cold('ab|', { a: e[0], b: e[1] }).pipe(earlyStopping({ patience: 0 }))).toBe(
        'a(bx|)',
        { a: e[0], b: e[1], x: stopped(e[1], { best: 3, bestEpoch: 1 }) },
      );
    });
  });

  it('counts only improvements larger than minDelta', () => {
    marbles().run(({ cold, expectObservable }) => {
      const e = losses([1, 0.95, 0.91]);
      expectObservable(
        cold('abc|', { a: e[0], b: e[1], c: e[2] }).pipe(
          earlyStopping({ patience: 2, minDelta: 0.1 }),
        ),
      ).toBe('ab(cx|)', { a: e[0], b: e[1], c: e[2], x: stopped(e[2], { best: 1, bestEpoch: 1 }) });
    });
  });

  it("mode 'max' by default for accuracy-like metrics; other events pass untouched", () => {
    marbles().run(({ cold, expectObservable }) => {
      const acc = [0.5, 0.7, 0.6].map((a, i) =>
        epochEvent(i + 1, { valLoss: 1, valMetrics: { accuracy: a } }),
      );
      const step: TrainEvent = { type: 'step', epoch: 3, step: 21, loss: 9 };
      expectObservable(
        cold('ab s c|', { a: acc[0], b: acc[1], s: step, c: acc[2] }).pipe(
          earlyStopping({ monitor: 'valMetrics.accuracy', patience: 1 }),
        ),
      ).toBe('ab s (cx|)', {
        a: acc[0],
        b: acc[1],
        s: step,
        c: acc[2],
        x: stopped(acc[2], { monitor: 'valMetrics.accuracy', best: 0.7, bestEpoch: 2 }),
      });
    });
  });

  it("monitors 'valLoss' when the events have it, else 'loss'", () => {
    marbles().run(({ cold, expectObservable }) => {
      // training loss improves, validation loss does not: stops on valLoss
      const e = [1, 2, 3].map((n) => epochEvent(n, { loss: 1 / n, valLoss: n }));
      expectObservable(
        cold('abc|', { a: e[0], b: e[1], c: e[2] }).pipe(earlyStopping({ patience: 2 })),
      ).toBe('ab(cx|)', {
        a: e[0],
        b: e[1],
        c: e[2],
        x: stopped(e[2], { monitor: 'valLoss', best: 1, bestEpoch: 1 }),
      });
    });
  });

  it('completes with its source when it never stalls, and passes errors on', () => {
    marbles().run(({ cold, expectObservable }) => {
      const e = losses([3, 2, 1]);
      expectObservable(
        cold('abc|', { a: e[0], b: e[1], c: e[2] }).pipe(earlyStopping({ patience: 1 })),
      ).toBe('abc|', { a: e[0], b: e[1], c: e[2] });
      const failure = new Error('boom');
      expectObservable(cold('a#', { a: e[0] }, failure).pipe(earlyStopping())).toBe(
        'a#',
        { a: e[0] },
        failure,
      );
    });
  });

  it('errors with an ArgumentError when the monitored field is missing', () => {
    marbles().run(({ cold, expectObservable }) => {
      const a = epochEvent(1, { metrics: { mae: 1 } });
      expectObservable(cold('a', { a }).pipe(earlyStopping({ monitor: 'valLoss' }))).toBe(
        '#',
        undefined,
        new ArgumentError(
          "earlyStopping: monitor 'valLoss' is not in the event of epoch 1 (it has 'loss', 'metrics.mae'); pass validation to fit",
        ),
      );
    });
  });

  it('restoreBest copies the weights at each best epoch and loads the best back on stopping', () => {
    marbles().run(({ cold, expectObservable }) => {
      // a stand-in for training: the model's weight is the epoch number when its event arrives
      const model = new Scale(0);
      const e = losses([3, 1, 2, 2]);
      expectObservable(
        cold('abcd|', { a: e[0], b: e[1], c: e[2], d: e[3] }).pipe(
          tap((x) => x.type === 'epoch' && (model.w.data[0] = x.epoch)),
          earlyStopping({ patience: 2, restoreBest: true, model }),
          tap((x) => {
            if (x.type === 'earlyStop') expect(model.value).toBe(2);
          }),
        ),
      ).toBe('abc(dx|)', {
        a: e[0],
        b: e[1],
        c: e[2],
        d: e[3],
        x: stopped(e[3], { best: 1, bestEpoch: 2, restored: true }),
      });
    });
  });

  it('keeps its counters in the snapshots of checkpoint events, and takes them back from a resumed start', () => {
    marbles().run(({ cold, expectObservable }) => {
      const e = losses([3, 2, 2.5, 2.1, 1]);
      const snapshot = { format: 'rxgrad.snapshot' } as unknown as Snapshot;
      const ck = (epoch: number, operators?: object): CheckpointEvent => ({
        type: 'checkpoint',
        epoch,
        step: epoch * 10,
        snapshot: (operators ? { ...snapshot, operators } : snapshot) as Snapshot,
      });
      const saved = { earlyStopping: { best: 2, bestEpoch: 2, wait: 1, bestWeights: null } };
      // the uninterrupted run: after epoch 3 the best is 2 (epoch 2), one epoch without improvement
      expectObservable(
        cold('abck', { a: e[0], b: e[1], c: e[2], k: ck(3) }).pipe(earlyStopping({ patience: 2 })),
      ).toBe('abck', { a: e[0], b: e[1], c: e[2], k: ck(3, saved) });
      // resumed from that snapshot: epoch 4 does not improve either, so the run stops there
      const start: StartEvent = {
        type: 'start',
        epochs: 5,
        stepsPerEpoch: 10,
        samples: 10,
        valSamples: 0,
        epoch: 3,
        step: 30,
        operators: saved,
      };
      expectObservable(
        cold('sde|', { s: start, d: e[3], e: e[4] }).pipe(earlyStopping({ patience: 2 })),
      ).toBe('s(dx|)', { s: start, d: e[3], x: stopped(e[3], { best: 2, bestEpoch: 2 }) });
      // negative control: without the saved counters the resumed run goes on
      const fresh = { ...start, operators: undefined };
      expectObservable(
        cold('sde|', { s: fresh, d: e[3], e: e[4] }).pipe(earlyStopping({ patience: 2 })),
      ).toBe('sde|', { s: fresh, d: e[3], e: e[4] });
    });
  });

  it('on a real run: stops fit, and leaves the best epoch\u2019s weights in the model', async () => {
    // lr 0.45 overshoots: w ← w − 0.45·5(w − 2) = 4.5 − 1.25w, so w: 0, 4.5, −1.125, 5.90625,
    // −2.8828125 and the loss 2.5(w−2)²: 10, 15.625, 24.4..., 38.1...; the best epoch is the first.
    const model = new Scale(0);
    const data = new Dataset(tensor([[1], [2]]), tensor([[2], [4]]));
    const weightsAt: number[] = [];
    const events = await lastValueFrom(
      fit(model, data, {
        loss: 'mse',
        optimizer: new PlainSgd(model.parameters(), 0.45),
        epochs: 20,
        batchSize: 2,
        scheduler: queueScheduler,
      }).pipe(
        tap((e) => e.type === 'epoch' && weightsAt.push(model.value)),
        earlyStopping({ monitor: 'loss', patience: 3, restoreBest: true, model }),
        toArray(),
      ),
    );
    expect(events.map((e) => e.type)).toEqual([
      'start',
      'epoch',
      'epoch',
      'epoch',
      'epoch',
      'earlyStop',
    ]);
    expect(events.at(-1)).toEqual({
      type: 'earlyStop',
      epoch: 4,
      step: 4,
      monitor: 'loss',
      best: 10,
      bestEpoch: 1,
      restored: true,
    });
    expect(weightsAt).toEqual([4.5, -1.125, 5.90625, -2.8828125]);
    expect(model.value).toBe(4.5); // the weights after epoch 1
  });

  it('restoreBest also applies when the run completes after its best epoch', async () => {
    const { model, data, optimizer } = line();
    optimizer.lr = 0.45;
    await lastValueFrom(
      fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 3,
        batchSize: 2,
        scheduler: queueScheduler,
      }).pipe(earlyStopping({ patience: 5, restoreBest: true, model })),
    );
    expect(model.value).toBe(4.5);
  });

  it('reports bad options as an ArgumentError notification on subscription', () => {
    const message = (options: object) =>
      errorOf(of<TrainEvent>().pipe(earlyStopping(options)))?.message;
    expect(() => earlyStopping({ patience: -1 })).not.toThrow();
    expect(message({ patience: -1 })).toMatch(
      /^earlyStopping: patience \(epochs\) must be an integer ≥ 0/,
    );
    expect(errorOf(of<TrainEvent>().pipe(earlyStopping({ patience: 1.5 })))).toBeInstanceOf(
      ArgumentError,
    );
    expect(message({ minDelta: Number.NaN })).toMatch(/minDelta must be a number ≥ 0/);
    expect(message({ mode: 'up' })).toMatch(/mode must be 'min' or 'max'/);
    expect(message({ monitor: 'accuracy' })).toMatch(
      /monitor must be 'loss', 'valLoss', 'metrics.<name>' or 'valMetrics.<name>', got 'accuracy'/,
    );
    expect(message({ restoreBest: 'yes' })).toMatch(/restoreBest must be a boolean/);
    expect(message({ restoreBest: true })).toMatch(
      /restoreBest needs the model whose weights it restores, as earlyStopping\(\{ restoreBest: true, model \}\)/,
    );
  });

  it('unsubscribing downstream unsubscribes its source at once', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const e = losses([3, 2, 1, 0.5]);
      const source = cold('abcd|', { a: e[0], b: e[1], c: e[2], d: e[3] });
      expectObservable(source.pipe(earlyStopping()), '^-!').toBe('ab', { a: e[0], b: e[1] });
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });
});
