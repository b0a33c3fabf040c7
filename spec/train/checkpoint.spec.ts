import {
  asyncScheduler,
  delay,
  lastValueFrom,
  Observable,
  of,
  queueScheduler,
  Subject,
  toArray,
} from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  adam,
  BatchNorm1d,
  type CheckpointEvent,
  type ControlCommand,
  checkpoint,
  Dataset,
  Dropout,
  earlyStopping,
  type FitOptions,
  fit,
  Linear,
  type Module,
  Random,
  ReLU,
  reduceLROnPlateau,
  Sequential,
  type Snapshot,
  type TrainEvent,
  tensor,
} from '../../lib/index.js';
import { epochEvent, errorOf, line, timeless } from './helpers.js';

const marbles = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const ck = (e: TrainEvent, value?: number): CheckpointEvent => ({
  type: 'checkpoint',
  epoch: e.epoch,
  step: e.step,
  snapshot: { taken: e.step } as unknown as Snapshot,
  ...(value === undefined ? {} : { value }),
});

/**
 * A stand-in for fit: emits the events of `source$` and, as fit does at a step boundary, answers
 * the commands received during an event's delivery right after it: `checkpoint` with a
 * checkpoint event of that event's step (whose snapshot says where it was taken); other
 * commands go to `log`.
 */
function answering(
  source$: Observable<TrainEvent>,
  control$: Subject<ControlCommand>,
  log: string[] = [],
): Observable<TrainEvent> {
  return new Observable<TrainEvent>((subscriber) => {
    let asked = false;
    let step = 0;
    const listening = control$.subscribe((c) => {
      if (c.type === 'checkpoint') asked = true;
      else log.push(`${c.type} ${step}`);
    });
    const running = source$.subscribe({
      next: (e) => {
        step = e.step;
        subscriber.next(e);
        if (asked) subscriber.next(ck(e));
        asked = false;
      },
      error: (err) => subscriber.error(err),
      complete: () => subscriber.complete(),
    });
    return () => {
      listening.unsubscribe();
      running.unsubscribe();
    };
  });
}

describe('checkpoint', () => {
  it('takes a snapshot every n epochs, emitted after the epoch event that triggered it', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const control$ = new Subject<ControlCommand>();
      const e = [1, 2, 3, 4].map((n) => epochEvent(n));
      const source = cold('a---b---c---d---|', { a: e[0], b: e[1], c: e[2], d: e[3] });
      expectObservable(answering(source, control$).pipe(checkpoint({ control$, every: 2 }))).toBe(
        'a---(bx)c---(dy)|',
        {
          a: e[0],
          b: e[1],
          x: ck(e[1]),
          c: e[2],
          d: e[3],
          y: ck(e[3]),
        },
      );
      expectSubscriptions(source.subscriptions).toBe('^---------------!');
    });
  });

  it('onlyBest: only when the monitored value improves', () => {
    marbles().run(({ cold, expectObservable }) => {
      const control$ = new Subject<ControlCommand>();
      const e = [3, 2, 2.5, 1].map((valLoss, i) => epochEvent(i + 1, { valLoss }));
      const source = cold('a---b---c---d---|', { a: e[0], b: e[1], c: e[2], d: e[3] });
      expectObservable(
        answering(source, control$).pipe(checkpoint({ control$, onlyBest: true })),
      ).toBe('(aw)(bx)c---(dy)|', {
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
      const control$ = new Subject<ControlCommand>();
      const s = [1, 2, 3, 4].map((step): TrainEvent => ({ type: 'step', epoch: 1, step, loss: 1 }));
      const source = cold('a---b---c---d---|', { a: s[0], b: s[1], c: s[2], d: s[3] });
      expectObservable(
        answering(source, control$).pipe(checkpoint({ control$, every: 2, unit: 'step' })),
      ).toBe('a---(bx)c---(dy)|', {
        a: s[0],
        b: s[1],
        x: ck(s[1]),
        c: s[2],
        d: s[3],
        y: ck(s[3]),
      });
    });
  });

  it('hands each snapshot to the sink; a promise holds the run until it settles', async () => {
    const control$ = new Subject<ControlCommand>();
    const got: unknown[] = [];
    const log: string[] = [];
    await lastValueFrom(
      answering(of(epochEvent(1), epochEvent(2)), control$, log).pipe(
        checkpoint({ control$, sink: (snapshot) => got.push(snapshot) }),
      ),
    );
    expect(got).toEqual([{ taken: 10 }, { taken: 20 }]);
    expect(log).toEqual([]);
    const events$ = new Subject<TrainEvent>();
    let written: () => void = () => {};
    const done = lastValueFrom(
      answering(events$, control$, log).pipe(
        checkpoint({ control$, sink: () => new Promise<void>((r) => (written = r)) }),
        toArray(),
      ),
    );
    events$.next(epochEvent(1));
    expect(log).toEqual(['hold 10']);
    written();
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['hold 10', 'release 10']);
    events$.complete();
    expect(await done).toEqual([epochEvent(1), ck(epochEvent(1))]);
  });

  it('a run that does not answer, or answers for another step, is an ArgumentError', () => {
    marbles().run(({ cold, expectObservable }) => {
      const control$ = new Subject<ControlCommand>();
      const [a, b] = [epochEvent(1), epochEvent(2)];
      expectObservable(cold('ak', { a, k: ck(b) }).pipe(checkpoint({ control$ }))).toBe(
        'a#',
        { a },
        new ArgumentError(
          'checkpoint: asked for a snapshot at step 10, got one of step 20: the run moved on in between; place checkpoint after fit with no asynchronous operator (delay, observeOn, ...) between them',
        ),
      );
      expectObservable(cold('ab', { a, b }).pipe(checkpoint({ control$ }))).toBe(
        'a#',
        { a },
        new ArgumentError(
          'checkpoint: the snapshot asked for at step 10 did not come before the next event: pass the same control$ to fit (or trainOn) and to checkpoint, with no asynchronous operator (delay, observeOn, ...) between them',
        ),
      );
    });
  });

  it('an asynchronous operator between fit and checkpoint is an ArgumentError (the run moved on)', async () => {
    const { model, data, optimizer } = line();
    const control$ = new Subject<ControlCommand>();
    const outcome = await lastValueFrom(
      fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 500,
        batchSize: 2,
        sliceMs: 0,
        control$,
      }).pipe(delay(30, asyncScheduler), checkpoint({ control$ })),
    ).catch((e: Error) => e);
    expect(outcome).toBeInstanceOf(ArgumentError);
    expect((outcome as Error).message).toMatch(
      /^checkpoint: (asked for a snapshot at step 1, got one of step \d+: the run moved on in between|the snapshot asked for at step 1 did not come before the next event)/,
    );
  });

  it('reports bad options as an ArgumentError notification on subscription', () => {
    const control$ = new Subject<ControlCommand>();
    const message = (options: object) =>
      errorOf(of<TrainEvent>().pipe(checkpoint({ control$, ...options })))?.message;
    expect(() => checkpoint({ control$, every: 0 })).not.toThrow();
    expect(message({ every: 0 })).toMatch(/^checkpoint: every must be at least 1/);
    expect(message({ unit: 'batch' })).toMatch(/unit must be 'epoch' or 'step'/);
    expect(message({ onlyBest: true, unit: 'step' })).toMatch(/onlyBest .* needs unit 'epoch'/);
    expect(message({ sink: 'file' })).toMatch(/sink must be a function/);
    expect(message({ control$: undefined })).toMatch(
      /control\$ must be the Subject given to fit's control\$/,
    );
  });

  it('an asynchronous sink holds the run until it settles; a rejection errors the stream', async () => {
    const { model, data, optimizer } = line();
    const control$ = new Subject<ControlCommand>();
    const order: string[] = [];
    let release: () => void = () => {};
    const events = lastValueFrom(
      fit(model, data, { loss: 'mse', optimizer, epochs: 3, batchSize: 2, control$ }).pipe(
        checkpoint({
          control$,
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
    const failing$ = new Subject<ControlCommand>();
    const outcome = await lastValueFrom(
      fit(failing.model, failing.data, {
        loss: 'mse',
        optimizer: failing.optimizer,
        epochs: 3,
        batchSize: 2,
        control$: failing$,
      }).pipe(
        checkpoint({ control$: failing$, sink: () => Promise.reject(new Error('disk full')) }),
      ),
    ).catch((e: Error) => e.message);
    expect(outcome).toBe('disk full');
    expect(failing.optimizer.stepCount).toBe(1);
  });

  it('passes errors on, and unsubscribing downstream unsubscribes its source', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const control$ = new Subject<ControlCommand>();
      const e = [1, 2, 3].map((n) => epochEvent(n));
      const failure = new Error('boom');
      expectObservable(
        cold('a#', { a: e[0] }, failure).pipe(checkpoint({ control$, every: 5 })),
      ).toBe('a#', { a: e[0] }, failure);
      const source = cold('a-b-c|', { a: e[0], b: e[1], c: e[2] });
      expectObservable(source.pipe(checkpoint({ control$, every: 5 })), '^--!').toBe('a-b', {
        a: e[0],
        b: e[1],
      });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
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
function setup(
  initSeed: number,
  batchNorm = false,
): {
  model: Module;
  options: FitOptions;
  control$: Subject<ControlCommand>;
} {
  const control$ = new Subject<ControlCommand>();
  const model = new Sequential(
    new Linear(2, 8, { seed: initSeed }),
    ...(batchNorm ? [new BatchNorm1d(8)] : []),
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
    control$,
    // a batch norm needs more than one sample per batch: the last batch of 1 is dropped
    ...(batchNorm ? { dropLast: true } : {}),
  };
  return { model, options, control$ };
}

const bytes = (m: Module) =>
  [...m.namedParameters(), ...m.namedBuffers()].map(([, p]) =>
    Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength),
  );

async function uninterrupted(unit: 'epoch' | 'step', batchNorm = false) {
  const { model, options, control$ } = setup(1, batchNorm);
  const events = await lastValueFrom(
    fit(model, data(), options).pipe(checkpoint({ control$, unit }), toArray()),
  );
  return { model, events };
}

describe('fit resumeFrom a checkpoint', () => {
  it('continues bit for bit: same later events, same final weights (epoch snapshot)', async () => {
    const full = await uninterrupted('epoch');
    const at = full.events.findIndex((e) => e.type === 'checkpoint' && e.epoch === 3);
    const snapshot = structuredClone((full.events[at] as CheckpointEvent).snapshot);
    // a different initialisation and a fresh optimiser: everything must come from the snapshot
    const { model, options, control$ } = setup(99);
    const resumed = await lastValueFrom(
      fit(model, data(), { ...options, resumeFrom: snapshot }).pipe(
        checkpoint({ control$ }),
        toArray(),
      ),
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

  it("continues bit for bit with a batch norm's running statistics (buffers) in the snapshot", async () => {
    const full = await uninterrupted('epoch', true);
    const at = full.events.findIndex((e) => e.type === 'checkpoint' && e.epoch === 3);
    const snapshot = structuredClone((full.events[at] as CheckpointEvent).snapshot);
    expect(Object.keys(snapshot.weights)).toContain('layers.1.runningMean');
    const { model, options, control$ } = setup(99, true);
    const resumed = await lastValueFrom(
      fit(model, data(), { ...options, resumeFrom: snapshot }).pipe(
        checkpoint({ control$ }),
        toArray(),
      ),
    );
    expect(timeless(resumed.slice(1))).toEqual(timeless(full.events.slice(at + 1)));
    expect(bytes(model)).toEqual(bytes(full.model));
  });

  it('continues bit for bit from the middle of an epoch (step snapshot)', async () => {
    const full = await uninterrupted('step');
    const at = full.events.findIndex((e) => e.type === 'checkpoint' && e.step === 6);
    const snapshot = structuredClone((full.events[at] as CheckpointEvent).snapshot);
    expect(snapshot.position).toMatchObject({ batch: 2 });
    const { model, options, control$ } = setup(42);
    const resumed = await lastValueFrom(
      fit(model, data(), { ...options, resumeFrom: snapshot }).pipe(
        checkpoint({ control$, unit: 'step' }),
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

  it("continues the operators too: earlyStopping's and reduceLROnPlateau's counters resume with the run", async () => {
    /** A run with both operators before checkpoint, so their state is in every snapshot. */
    const run = (initSeed: number, resumeFrom?: Snapshot) => {
      const { model, options, control$ } = setup(initSeed);
      return lastValueFrom(
        fit(model, data(), { ...options, epochs: 40, emit: 'epoch', resumeFrom }).pipe(
          earlyStopping({ patience: 4, restoreBest: true, model }),
          reduceLROnPlateau({ optimizer: options.optimizer, patience: 1, factor: 0.5 }),
          checkpoint({ control$ }),
          toArray(),
        ),
      ).then((events) => ({ model, events }));
    };
    const full = await run(1);
    const types = full.events.map((e) => e.type);
    // the run exercises both: the rate is reduced, then the run stops early with the best weights
    expect(types).toContain('learningRate');
    expect(types.at(-1)).toBe('earlyStop');
    const firstCut = types.indexOf('learningRate');
    const at = types.indexOf('checkpoint', firstCut);
    const snapshot = structuredClone((full.events[at] as CheckpointEvent).snapshot);
    expect(Object.keys(snapshot.operators ?? {}).sort()).toEqual([
      'earlyStopping',
      'reduceLROnPlateau',
    ]);
    const resumed = await run(99, snapshot);
    expect(resumed.events[0]).toMatchObject({ type: 'start', operators: snapshot.operators });
    expect(timeless(resumed.events.slice(1))).toEqual(timeless(full.events.slice(at + 1)));
    expect(bytes(resumed.model)).toEqual(bytes(full.model));
    // negative control: the same snapshot without the operators' state is another run
    const { operators: _, ...bare } = snapshot;
    const forgetful = await run(99, bare as Snapshot);
    expect(timeless(forgetful.events.slice(1))).not.toEqual(timeless(full.events.slice(at + 1)));
  });
});
