import { lastValueFrom, Observable, queueScheduler, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  adam,
  type CheckpointEvent,
  checkpoint,
  Dataset,
  Dropout,
  type FitOptions,
  fit,
  Linear,
  linkRun,
  type Module,
  Random,
  ReLU,
  Sequential,
  type Snapshot,
  type TrainEvent,
  type TrainRun,
  tensor,
} from '../../lib/index.js';
import { epochEvent, line, timeless } from './helpers.js';

const marbles = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/** A stand-in run whose snapshots just say where they were taken. */
function fakeRun(step: number, log: string[] = []): TrainRun {
  return {
    step,
    snapshot: () => ({ taken: step }) as unknown as Snapshot,
    hold: () => {
      log.push(`hold ${step}`);
      return () => log.push(`release ${step}`);
    },
  } as unknown as TrainRun;
}

/** Epoch events attached to stand-in runs (as fit would attach them to its own). */
const attached = (e: TrainEvent, log?: string[]) => linkRun(e, fakeRun(e.step, log));

const ck = (e: TrainEvent, value?: number): CheckpointEvent => ({
  type: 'checkpoint',
  epoch: e.epoch,
  step: e.step,
  snapshot: { taken: e.step } as unknown as Snapshot,
  ...(value === undefined ? {} : { value }),
});

describe('checkpoint', () => {
  it('takes a snapshot every n epochs, emitted after the epoch event that triggered it', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const e = [1, 2, 3, 4].map((n) => attached(epochEvent(n)));
      const source = cold('a---b---c---d---|', { a: e[0], b: e[1], c: e[2], d: e[3] });
      expectObservable(source.pipe(checkpoint({ every: 2 }))).toBe('a---(bx)c---(dy)|', {
        a: e[0],
        b: e[1],
        x: ck(e[1]),
        c: e[2],
        d: e[3],
        y: ck(e[3]),
      });
      expectSubscriptions(source.subscriptions).toBe('^---------------!');
    });
  });

  it('onlyBest: only when the monitored value improves', () => {
    marbles().run(({ cold, expectObservable }) => {
      const e = [3, 2, 2.5, 1].map((valLoss, i) => attached(epochEvent(i + 1, { valLoss })));
      const source = cold('a---b---c---d---|', { a: e[0], b: e[1], c: e[2], d: e[3] });
      expectObservable(source.pipe(checkpoint({ onlyBest: true }))).toBe('(aw)(bx)c---(dy)|', {
        a: e[0],
        w: ck(e[0], 3),
        b: e[1],
        x: ck(e[1], 2),
        c: e[2],
        d: e[3],
        y: ck(e[3], 1),
      });
    });
  });

  it("unit 'step': every n steps, on step events", () => {
    marbles().run(({ cold, expectObservable }) => {
      const s = [1, 2, 3, 4].map((step) =>
        attached({ type: 'step', epoch: 1, step, loss: 1 } as TrainEvent),
      );
      const source = cold('a---b---c---d---|', { a: s[0], b: s[1], c: s[2], d: s[3] });
      expectObservable(source.pipe(checkpoint({ every: 2, unit: 'step' }))).toBe(
        'a---(bx)c---(dy)|',
        {
          a: s[0],
          b: s[1],
          x: ck(s[1]),
          c: s[2],
          d: s[3],
          y: ck(s[3]),
        },
      );
    });
  });

  it('hands each snapshot to the sink', () => {
    const got: unknown[] = [];
    const e = [1, 2].map((n) => attached(epochEvent(n)));
    new Observable<TrainEvent>((s) => {
      for (const x of e) s.next(x);
      s.complete();
    })
      .pipe(checkpoint({ sink: (snapshot) => got.push(snapshot) }))
      .subscribe();
    expect(got).toEqual([{ taken: 10 }, { taken: 20 }]);
  });

  it('errors (ArgumentError) on events that come from no run', () => {
    marbles().run(({ cold, expectObservable }) => {
      const a = epochEvent(1);
      expectObservable(cold('a', { a }).pipe(checkpoint())).toBe(
        '#',
        undefined,
        new ArgumentError(
          "checkpoint: this 'epoch' event has no training run attached; place checkpoint on a stream from fit or trainOn, before operators that rebuild events (map) or cross a worker boundary",
        ),
      );
    });
  });

  it('checks its options', () => {
    expect(() => checkpoint({ every: 0 })).toThrow(/every must be at least 1/);
    expect(() => checkpoint({ unit: 'batch' as never })).toThrow(/unit must be 'epoch' or 'step'/);
    expect(() => checkpoint({ onlyBest: true, unit: 'step' })).toThrow(
      /onlyBest .* needs unit 'epoch'/,
    );
    expect(() => checkpoint({ sink: 'file' as never })).toThrow(/sink must be a function/);
  });

  it('an asynchronous sink holds the run until it settles; a rejection errors the stream', async () => {
    const { model, data, optimizer } = line();
    const order: string[] = [];
    let release: () => void = () => {};
    const events = lastValueFrom(
      fit(model, data, { loss: 'mse', optimizer, epochs: 3, batchSize: 2 }).pipe(
        checkpoint({
          every: 1,
          sink: (s) => {
            order.push(`sink ${s.epoch} (w=${model.parameters()[0].data[0]})`);
            return new Promise<void>((r) => {
              release = r;
            });
          },
        }),
        toArray(),
      ),
    );
    for (let epoch = 1; epoch <= 3; epoch++) {
      await new Promise((r) => setTimeout(r, 30));
      order.push(`after 30 ms: ${optimizer.stepCount} steps`);
      release();
    }
    const all = await events;
    // while a sink is writing, no step runs: the steps follow the writes one by one
    expect(order).toEqual([
      'sink 1 (w=1)',
      'after 30 ms: 1 steps',
      'sink 2 (w=1.5)',
      'after 30 ms: 2 steps',
      'sink 3 (w=1.75)',
      'after 30 ms: 3 steps',
    ]);
    expect(all.map((e) => e.type)).toEqual([
      'start',
      'epoch',
      'checkpoint',
      'epoch',
      'checkpoint',
      'epoch',
      'checkpoint',
    ]);

    const failing = line();
    const outcome = await lastValueFrom(
      fit(failing.model, failing.data, {
        loss: 'mse',
        optimizer: failing.optimizer,
        epochs: 3,
        batchSize: 2,
      }).pipe(checkpoint({ sink: () => Promise.reject(new Error('disk full')) })),
    ).catch((e: Error) => e.message);
    expect(outcome).toBe('disk full');
    expect(failing.optimizer.stepCount).toBe(1);
  });
});

// --- exact resume --------------------------------------------------------------------------

function data(): Dataset {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < 30; i++) {
    const a = Math.sin(i * 0.9);
    const b = Math.cos(i * 1.3);
    xs.push([a, b]);
    ys.push([a * b + 0.5 * a]);
  }
  return new Dataset(tensor(xs), tensor(ys));
}

/** A net with dropout (a random generator of its own) and Adam (buffers): all must resume. */
function setup(initSeed: number): { model: Module; options: FitOptions } {
  const model = new Sequential(
    new Linear(2, 8, { seed: initSeed }),
    new ReLU(),
    new Dropout(0.25, { seed: initSeed + 1 }),
    new Linear(8, 1, { seed: initSeed + 2 }),
  );
  const options: FitOptions = {
    loss: 'mse',
    optimizer: adam(model.parameters(), { lr: 0.01 }),
    epochs: 6,
    batchSize: 7, // 30 − ceil(30·0.25) = 22 training samples: 4 steps per epoch, the last of 1
    seed: 11,
    validation: 0.25,
    metrics: ['mae'],
    emit: 'step',
    scheduler: queueScheduler,
  };
  return { model, options };
}

const bytes = (m: Module) =>
  m.parameters().map((p) => Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength));

async function uninterrupted(unit: 'epoch' | 'step') {
  const { model, options } = setup(1);
  const events = await lastValueFrom(
    fit(model, data(), options).pipe(checkpoint({ unit }), toArray()),
  );
  return { model, events };
}

describe('fit resumeFrom a checkpoint', () => {
  it('continues bit for bit: same later events, same final weights (epoch snapshot)', async () => {
    const full = await uninterrupted('epoch');
    const at = full.events.findIndex((e) => e.type === 'checkpoint' && e.epoch === 3);
    const snapshot = structuredClone((full.events[at] as CheckpointEvent).snapshot);
    // a different initialisation and a fresh optimiser: everything must come from the snapshot
    const { model, options } = setup(99);
    const resumed = await lastValueFrom(
      fit(model, data(), { ...options, resumeFrom: snapshot }).pipe(checkpoint(), toArray()),
    );
    expect(resumed[0]).toEqual({
      type: 'start',
      epochs: 6,
      stepsPerEpoch: 4,
      samples: 22,
      valSamples: 8,
      epoch: 3,
      step: 12,
    });
    expect(timeless(resumed.slice(1))).toEqual(timeless(full.events.slice(at + 1)));
    expect(bytes(model)).toEqual(bytes(full.model));
  });

  it('continues bit for bit from the middle of an epoch (step snapshot)', async () => {
    const full = await uninterrupted('step');
    const at = full.events.findIndex((e) => e.type === 'checkpoint' && e.step === 6);
    const snapshot = structuredClone((full.events[at] as CheckpointEvent).snapshot);
    expect(snapshot.position).toMatchObject({ batch: 2 });
    const { model, options } = setup(42);
    const resumed = await lastValueFrom(
      fit(model, data(), { ...options, resumeFrom: snapshot }).pipe(
        checkpoint({ unit: 'step' }),
        toArray(),
      ),
    );
    expect(resumed[0]).toMatchObject({ type: 'start', epoch: 1, step: 6 });
    expect(timeless(resumed.slice(1))).toEqual(timeless(full.events.slice(at + 1)));
    expect(bytes(model)).toEqual(bytes(full.model));
    // negative control: the same snapshot with another state for the dropout generator ends
    // elsewhere, so the comparison above can see a generator that was not restored
    const modules = Object.fromEntries(
      Object.keys(snapshot.rng.modules).map((k) => [k, new Random(123).state()]),
    );
    expect(Object.keys(modules)).toEqual(['layers.2.rng']);
    const control = setup(42);
    await lastValueFrom(
      fit(control.model, data(), {
        ...control.options,
        resumeFrom: { ...snapshot, rng: { ...snapshot.rng, modules } },
      }),
    );
    expect(bytes(control.model)).not.toEqual(bytes(full.model));
  });

  it('a snapshot of a finished run resumes to an immediate completion', async () => {
    const full = await uninterrupted('epoch');
    const last = full.events.filter((e): e is CheckpointEvent => e.type === 'checkpoint').at(-1)!;
    const { model, options } = setup(5);
    const resumed = await lastValueFrom(
      fit(model, data(), { ...options, resumeFrom: last.snapshot }).pipe(toArray()),
    );
    expect(resumed.map((e) => e.type)).toEqual(['start']);
    expect(bytes(model)).toEqual(bytes(full.model));
  });

  it('refuses a snapshot taken with other settings, naming the setting', async () => {
    const full = await uninterrupted('epoch');
    const snapshot = (full.events.find((e) => e.type === 'checkpoint') as CheckpointEvent).snapshot;
    const { model, options } = setup(5);
    const message = await lastValueFrom(
      fit(model, data(), { ...options, batchSize: 8, resumeFrom: snapshot }),
    ).catch((e: Error) => `${e.name}: ${e.message}`);
    expect(message).toBe(
      'ArgumentError: fit: resumeFrom was taken from a run with batchSize 7, this run has 8; resume with the options of the interrupted run',
    );
    const epochs = await lastValueFrom(
      fit(model, data(), {
        ...options,
        epochs: 0 + 1,
        resumeFrom: { ...snapshot, epoch: 2, step: 8 },
      }),
    ).catch((e: Error) => e.message);
    expect(epochs).toMatch(/resumeFrom is at epoch 2 but this run has only 1 epochs/);
  });

  it('passes errors on, and unsubscribing downstream unsubscribes its source', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const e = [1, 2, 3].map((n) => attached(epochEvent(n)));
      const failure = new Error('boom');
      expectObservable(cold('a#', { a: e[0] }, failure).pipe(checkpoint({ every: 5 }))).toBe(
        'a#',
        { a: e[0] },
        failure,
      );
      const source = cold('a-b-c|', { a: e[0], b: e[1], c: e[2] });
      expectObservable(source.pipe(checkpoint({ every: 5 })), '^--!').toBe('a-b', {
        a: e[0],
        b: e[1],
      });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('a snapshot that does not fit changes nothing', async () => {
    const full = await uninterrupted('epoch');
    const snapshot = (full.events.find((e) => e.type === 'checkpoint') as CheckpointEvent).snapshot;
    const { model, options } = setup(5);
    const before = bytes(model);
    const wrongOptimizer = { ...snapshot, optimizer: { ...snapshot.optimizer, name: 'sgd' } };
    const message = await lastValueFrom(
      fit(model, data(), { ...options, resumeFrom: wrongOptimizer }),
    ).catch((e: Error) => e.message);
    expect(message).toMatch(/the state is of optimiser 'sgd', expected 'adam'/);
    expect(bytes(model)).toEqual(before);
    expect(options.optimizer.stepCount).toBe(0);
  });
});
