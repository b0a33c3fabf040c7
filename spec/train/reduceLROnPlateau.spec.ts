import { lastValueFrom, of, queueScheduler, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import {
  type CheckpointEvent,
  type EpochEvent,
  fit,
  type LearningRateEvent,
  reduceLROnPlateau,
  type Snapshot,
  type StartEvent,
  type TrainEvent,
} from '../../lib/index.js';
import { epochEvent, errorOf, line } from './helpers.js';

const marbles = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/** Epoch events, and a stand-in optimiser whose learning rate the operator sets. */
function withRun(values: number[], lr = 1) {
  const run = { lr };
  const events = values.map((v, i) => epochEvent(i + 1, { loss: v, step: 0 }));
  return { run, events };
}

const lrEvent = (e: EpochEvent, lr: number, previous: number): LearningRateEvent => ({
  type: 'learningRate',
  epoch: e.epoch,
  step: e.step,
  lr,
  previous,
  monitor: 'loss',
});

describe('reduceLROnPlateau', () => {
  it('multiplies the learning rate by factor after `patience` epochs without improvement', () => {
    marbles().run(({ cold, expectObservable, flush }) => {
      const { run, events: e } = withRun([5, 4, 4, 4, 4, 4]);
      const source = cold('a---b---c---d---e---f---|', {
        a: e[0],
        b: e[1],
        c: e[2],
        d: e[3],
        e: e[4],
        f: e[5],
      });
      expectObservable(
        source.pipe(reduceLROnPlateau({ optimizer: run, patience: 2, factor: 0.5 })),
      ).toBe('a---b---c---(dx)e---(fy)|', {
        a: e[0],
        b: e[1],
        c: e[2],
        d: e[3],
        x: lrEvent(e[3], 0.5, 1),
        e: e[4],
        f: e[5],
        y: lrEvent(e[5], 0.25, 0.5),
      });
      flush();
      expect(run.lr).toBe(0.25);
    });
  });

  it('waits `cooldown` epochs after a reduction and never goes below minLr', () => {
    marbles().run(({ cold, expectObservable, flush }) => {
      const { run, events: e } = withRun([1, 1, 1, 1, 1, 1, 1, 1], 0.3);
      const [a, b, c, d, f, g, h, i] = e;
      const source = cold('a---b---c---d---f---g---h---i---|', { a, b, c, d, f, g, h, i });
      // patience 1: reduce at epoch 2; cooldown 2 leaves epochs 3–4 uncounted; reduce again at
      // epoch 5 (to minLr 0.1, not 0.15·0.5); epochs 6–7 cool down; at epoch 8 lr is at minLr
      expectObservable(
        source.pipe(
          reduceLROnPlateau({ optimizer: run, patience: 1, factor: 0.5, cooldown: 2, minLr: 0.1 }),
        ),
      ).toBe('a---(bx)c---d---(fy)g---h---i---|', {
        a,
        b,
        x: lrEvent(b, 0.15, 0.3),
        c,
        d,
        f,
        y: lrEvent(f, 0.1, 0.15),
        g,
        h,
        i,
      });
      flush();
      expect(run.lr).toBe(0.1);
    });
  });

  it('on a real run: the next epochs use the reduced rate (by hand)', async () => {
    // lr 0.45 overshoots (loss 10, 15.625, ...): patience 1 halves it after epoch 2, at w = −1.125;
    // with lr 0.225: w ← w − 1.125(w − 2) = 2.25 − 0.125w = 2.390625
    const { model, data, optimizer } = line();
    optimizer.lr = 0.45;
    const events = await lastValueFrom(
      fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 3,
        batchSize: 2,
        scheduler: queueScheduler,
      }).pipe(reduceLROnPlateau({ optimizer, patience: 1, factor: 0.5 }), toArray()),
    );
    // epoch 3 does not improve either (24.4): the rate is halved again after it
    expect(events.map((e) => e.type)).toEqual([
      'start',
      'epoch',
      'epoch',
      'learningRate',
      'epoch',
      'learningRate',
    ]);
    expect(events[3]).toEqual({
      type: 'learningRate',
      epoch: 2,
      step: 2,
      lr: 0.225,
      previous: 0.45,
      monitor: 'loss',
    });
    expect((events[4] as EpochEvent).lr).toBe(0.225);
    expect(model.value).toBe(2.390625);
  });

  it('reports bad options as an ArgumentError notification on subscription', () => {
    const optimizer = { lr: 1 };
    const message = (options: object) =>
      errorOf(of<TrainEvent>().pipe(reduceLROnPlateau({ optimizer, ...options })))?.message;
    expect(() => reduceLROnPlateau({ optimizer, factor: 1 })).not.toThrow();
    expect(message({ factor: 1 })).toMatch(/^reduceLROnPlateau: factor must be in \(0, 1\), got 1/);
    expect(message({ cooldown: -2 })).toMatch(/cooldown \(epochs\) must be an integer ≥ 0/);
    expect(message({ minLr: -1 })).toMatch(/minLr must be a number ≥ 0/);
    expect(message({ optimizer: undefined })).toMatch(
      /optimizer must be the Optimizer whose learning rate it sets, as reduceLROnPlateau\(\{ optimizer \}\)/,
    );
  });

  it('keeps its counters in the snapshots of checkpoint events, and takes them back from a resumed start', () => {
    marbles().run(({ cold, expectObservable }) => {
      const { run, events: e } = withRun([5, 4, 4, 4]);
      const ck: CheckpointEvent = {
        type: 'checkpoint',
        epoch: 3,
        step: 0,
        snapshot: {} as Snapshot,
      };
      const saved = { reduceLROnPlateau: { best: 4, wait: 1, cooling: 0 } };
      const plateau = () => reduceLROnPlateau({ optimizer: run, patience: 2, factor: 0.5 });
      expectObservable(cold('abck', { a: e[0], b: e[1], c: e[2], k: ck }).pipe(plateau())).toBe(
        'abck',
        { a: e[0], b: e[1], c: e[2], k: { ...ck, snapshot: { operators: saved } } },
      );
      // resumed after epoch 3: epoch 4 is the second without improvement, the rate is halved
      const start: StartEvent = {
        type: 'start',
        epochs: 4,
        stepsPerEpoch: 1,
        samples: 1,
        valSamples: 0,
        epoch: 3,
        step: 0,
        operators: saved,
      };
      expectObservable(cold('s(d|)', { s: start, d: e[3] }).pipe(plateau())).toBe('s(dx|)', {
        s: start,
        d: e[3],
        x: lrEvent(e[3], 0.5, 1),
      });
    });
  });

  it('passes errors on, and unsubscribing downstream unsubscribes its source', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const { events: e } = withRun([3, 2, 1]);
      const failure = new Error('boom');
      expectObservable(
        cold('a#', { a: e[0] }, failure).pipe(reduceLROnPlateau({ optimizer: { lr: 1 } })),
      ).toBe('a#', { a: e[0] }, failure);
      const source = cold('abc|', { a: e[0], b: e[1], c: e[2] });
      expectObservable(source.pipe(reduceLROnPlateau({ optimizer: { lr: 1 } })), '^-!').toBe('ab', {
        a: e[0],
        b: e[1],
      });
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });
});
