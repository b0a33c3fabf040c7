import { config, lastValueFrom, queueScheduler, share, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ArgumentError,
  adam,
  crossEntropy,
  Dataset,
  type EpochEvent,
  evaluate,
  fit,
  log,
  mean,
  mlp,
  mse,
  NonFiniteError,
  ShapeError,
  sgd,
  sub,
  type Tensor,
  type TrainEvent,
  tensor,
} from '../../lib/index.js';
import {
  errorOf,
  LINE_LOSSES,
  LINE_WEIGHTS,
  line,
  PlainSgd,
  Scale,
  ticking,
  timeless,
  tracking,
} from './helpers.js';

const marbles = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const start = (fields: Partial<TrainEvent> = {}): TrainEvent =>
  ({
    type: 'start',
    epochs: 3,
    stepsPerEpoch: 1,
    samples: 2,
    valSamples: 0,
    epoch: 0,
    step: 0,
    ...fields,
  }) as TrainEvent;

const lineEpoch = (epoch: number, fields: Partial<EpochEvent> = {}): EpochEvent => ({
  type: 'epoch',
  epoch,
  step: epoch,
  loss: LINE_LOSSES[epoch - 1],
  metrics: {},
  lr: 0.1,
  elapsedMs: 0,
  ...fields,
});

/** A small classification problem: 2 features, label = x0 > x1. */
function blobs(n = 24): Dataset {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.sin(i * 1.7) * 2;
    const b = Math.cos(i * 2.3) * 2;
    xs.push([a, b]);
    ys.push([a > b ? 1 : 0]);
  }
  return new Dataset(tensor(xs), tensor(ys));
}

describe('fit: a cold Observable of plain events', () => {
  it('does nothing before subscription, then emits start, one event per epoch, and completes', () => {
    marbles().run(({ expectObservable }) => {
      const { model, data, optimizer } = line();
      const run$ = fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 3,
        batchSize: 2,
        shuffle: false,
        sliceMs: 0,
      });
      expect(model.value).toBe(0);
      expect(optimizer.stepCount).toBe(0);
      expectObservable(run$).toBe('(sabc|)', {
        s: start(),
        a: lineEpoch(1),
        b: lineEpoch(2),
        c: lineEpoch(3),
      });
    });
  });

  it('slices the work on the scheduler: one step per slice with sliceMs 0', () => {
    const ts = marbles();
    ts.run(({ expectObservable }) => {
      const { model, data, optimizer } = line();
      const run$ = fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 3,
        batchSize: 2,
        sliceMs: 0,
        scheduler: ticking(ts),
      });
      expectObservable(run$).toBe('-sab(c|)', {
        s: start(),
        a: lineEpoch(1),
        b: lineEpoch(2),
        c: lineEpoch(3),
      });
    });
  });

  it('emits step events when asked, each before its epoch event', () => {
    marbles().run(({ expectObservable }) => {
      const { model, data } = line();
      const optimizer = new PlainSgd(model.parameters(), 0.1);
      const step = (s: number) => ({ type: 'step', epoch: s, step: s, loss: LINE_LOSSES[s - 1] });
      expectObservable(
        fit(model, data, { loss: 'mse', optimizer, epochs: 2, batchSize: 2, emit: 'step' }),
      ).toBe('(s1a2b|)', {
        s: start({ epochs: 2 }),
        1: step(1),
        a: lineEpoch(1),
        2: step(2),
        b: lineEpoch(2),
      });
    });
  });

  it('emits every n-th step with emit: n, and measures elapsedMs on the scheduler clock', () => {
    const ts = marbles();
    ts.run(({ expectObservable }) => {
      // 2 samples, batch 1: two steps per epoch, one slice per step, 3 frames per slice.
      const { model, data, optimizer } = line();
      const run$ = fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 2,
        batchSize: 1,
        shuffle: false,
        emit: 2,
        sliceMs: 0,
        scheduler: ticking(ts, 3),
      });
      // Setup at frame 3, steps at frames 6, 9 (epoch 1) and 12, 15 (epoch 2). By hand, batch 1
      // in order: w 0 → 0.4 → 1.68 → 1.744 → 1.7952; step losses 4, 10.24, 0.1024, 0.262144.
      // An epoch starts in its first step's slice and ends in its last: elapsedMs = 3 frames.
      const close = (v: number) => expect.closeTo(v, 12);
      expectObservable(run$).toBe('3ms s 5ms (ta) 2ms (ub|)', {
        s: start({ epochs: 2, stepsPerEpoch: 2 }),
        t: { type: 'step', epoch: 1, step: 2, loss: close(10.24) },
        a: lineEpoch(1, { step: 2, loss: close(7.12), elapsedMs: 3 }),
        u: { type: 'step', epoch: 2, step: 4, loss: close(0.262144) },
        b: lineEpoch(2, { step: 4, loss: close(0.182272), elapsedMs: 3 }),
      });
    });
  });

  it('trains the model in place: it holds the last step\u2019s weights when the stream completes', async () => {
    const { model, data, optimizer } = line();
    await lastValueFrom(
      fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 4,
        batchSize: 2,
        scheduler: queueScheduler,
      }),
    );
    expect(model.value).toBe(LINE_WEIGHTS[4]);
  });

  it('stops at the next step boundary when unsubscribed, runs teardown once and leaves nothing scheduled', () => {
    const ts = marbles();
    ts.run(({ expectObservable, flush }) => {
      const { model, data, optimizer } = line();
      const { scheduler, pending } = tracking(ticking(ts));
      const run$ = fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 10,
        batchSize: 2,
        sliceMs: 0,
        scheduler,
      });
      expectObservable(run$, '^--!').toBe('-sa', { s: start({ epochs: 10 }), a: lineEpoch(1) });
      flush();
      expect(model.value).toBe(LINE_WEIGHTS[1]);
      expect(pending()).toBe(0);
    });
  });

  it('unsubscribing from inside a subscriber stops before the next step', async () => {
    const { model, data, optimizer } = line();
    const seen: TrainEvent[] = [];
    await new Promise<void>((resolve) => {
      const subscription = fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 10,
        batchSize: 2,
        sliceMs: 1000,
      }).subscribe((e) => {
        seen.push(e);
        if (e.type === 'epoch' && e.epoch === 2) {
          subscription.unsubscribe();
          setTimeout(resolve, 20);
        }
      });
    });
    expect(seen.map((e) => e.type)).toEqual(['start', 'epoch', 'epoch']);
    expect(model.value).toBe(LINE_WEIGHTS[2]);
  });

  it('errors with a ShapeError naming the step when a batch does not fit the model', () => {
    marbles().run(({ expectObservable }) => {
      const model = new Scale(0);
      const data = new Dataset(tensor([[1, 2]]), tensor([[3]]));
      const run$ = fit(model, data, {
        loss: 'mse',
        optimizer: new PlainSgd(model.parameters(), 0.1),
      });
      expectObservable(run$).toBe(
        '(s#)',
        { s: start({ epochs: 1, samples: 1 }) },
        expect.any(ShapeError),
      );
    });
    const model = new Scale(0);
    const error = (() => {
      let caught: unknown;
      fit(model, new Dataset(tensor([[1, 2]]), tensor([[3]])), {
        loss: 'mse',
        optimizer: new PlainSgd(model.parameters(), 0.1),
        scheduler: queueScheduler,
      }).subscribe({ error: (e) => (caught = e) });
      return caught as Error;
    })();
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toMatch(/^fit: at step 1 \(epoch 1\): matmul/);
  });

  it('errors with a ShapeError when the loss is not a scalar or pred and target disagree', () => {
    const run = (loss: (p: Tensor, t: Tensor) => Tensor, y = tensor([[2], [4]])) => {
      const model = new Scale(0);
      let caught: Error | undefined;
      fit(model, new Dataset(tensor([[1], [2]]), y), {
        loss,
        optimizer: new PlainSgd(model.parameters(), 0.1),
        scheduler: queueScheduler,
      }).subscribe({ error: (e) => (caught = e) });
      return caught;
    };
    expect(run((p, t) => sub(p, t))).toBeInstanceOf(ShapeError);
    expect(run((p, t) => sub(p, t))?.message).toMatch(/loss must be a scalar.*\[2,1\]/);
    // targets of shape [2] against predictions [2, 1]: an error, not a silent broadcast
    expect(run(mse, tensor([2, 4]))).toBeInstanceOf(ShapeError);
  });

  it('a learning rate of 1e6 ends the stream with NonFiniteError naming the step', () => {
    const model = mlp([2, 8, 1], { seed: 1 });
    const seen: TrainEvent[] = [];
    let error: (NonFiniteError & { step: number; epoch: number }) | undefined;
    fit(model, blobs(), {
      loss: 'mse',
      optimizer: sgd(model.parameters(), { lr: 1e6 }),
      epochs: 100,
      batchSize: 8,
      emit: 'step',
      scheduler: queueScheduler,
    }).subscribe({ next: (e) => seen.push(e), error: (e) => (error = e) });
    expect(error).toBeInstanceOf(NonFiniteError);
    expect(error?.message).toContain(`step ${error?.step} (epoch ${error?.epoch})`);
    // the step events stop right before the failing step
    const steps = seen.filter((e) => e.type === 'step');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.at(-1)?.step).toBe((error?.step ?? 0) - 1);
    expect(error?.epoch).toBe(Math.floor(((error?.step ?? 0) - 1) / 3) + 1); // 3 steps per epoch
  });

  it('names the first op of the loss graph that produced NaN', () => {
    // log(pred − target) with pred < target: the matmul and sub are finite, log makes NaN.
    const model = new Scale(0);
    let caught: (NonFiniteError & { step: number; op: string | null }) | undefined;
    fit(model, new Dataset(tensor([[1], [2]]), tensor([[2], [4]])), {
      loss: (p, t) => mean(log(sub(p, t))),
      optimizer: new PlainSgd(model.parameters(), 0.1),
      scheduler: queueScheduler,
    }).subscribe({ error: (e) => (caught = e) });
    expect(caught).toBeInstanceOf(NonFiniteError);
    expect(caught?.step).toBe(1);
    expect(caught?.op).toBe('log');
    expect(caught?.message).toMatch(/loss is NaN at step 1 \(epoch 1\).*op 'log'/);
  });

  it('rejects data holding NaN before training, naming the sample', () => {
    const model = new Scale(0);
    let caught: Error | undefined;
    fit(model, new Dataset(tensor([[1], [Number.NaN]]), tensor([[2], [4]])), {
      loss: 'mse',
      optimizer: new PlainSgd(model.parameters(), 0.1),
      scheduler: queueScheduler,
    }).subscribe({ error: (e) => (caught = e) });
    expect(caught).toBeInstanceOf(NonFiniteError);
    expect(caught?.message).toContain('training data x holds NaN (sample 1');
    expect(model.value).toBe(0);
  });

  describe('with a throwing subscriber', () => {
    const original = config.onUnhandledError;
    afterEach(() => {
      config.onUnhandledError = original;
    });

    it('the run goes on: same events and same final weights as with a quiet subscriber', async () => {
      const reported: unknown[] = [];
      config.onUnhandledError = (e) => reported.push(e);
      const { model, data, optimizer } = line();
      let completed = false;
      const seen: string[] = [];
      fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 3,
        batchSize: 2,
        scheduler: queueScheduler,
      }).subscribe({
        next: (e) => {
          seen.push(e.type);
          throw new Error(`subscriber fails at ${e.type}`);
        },
        complete: () => (completed = true),
      });
      await new Promise((r) => setTimeout(r, 10));
      expect(seen).toEqual(['start', 'epoch', 'epoch', 'epoch']);
      expect(completed).toBe(true);
      expect(model.value).toBe(LINE_WEIGHTS[3]);
      expect(reported).toHaveLength(4);
    });
  });

  it('with a seed, two runs give identical event streams (a different seed does not)', async () => {
    const run = async (seed: number) => {
      const model = mlp([2, 6, 1], { seed: 3, outputActivation: 'sigmoid' });
      return lastValueFrom(
        fit(model, blobs(40), {
          loss: 'binaryCrossEntropy',
          optimizer: sgd(model.parameters(), { lr: 0.5, momentum: 0.9 }),
          epochs: 4,
          batchSize: 8,
          seed,
          validation: 0.25,
          metrics: ['binaryAccuracy'],
          emit: 'step',
        }).pipe(toArray()),
      );
    };
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(a.length).toBe(1 + 4 * 4 + 4);
    expect(timeless(a)).toEqual(timeless(b));
    expect(timeless(a)).not.toEqual(timeless(c));
  });

  it('identical streams, elapsedMs included, in virtual time', () => {
    const streams = [1, 2].map(() => {
      const ts = marbles();
      const events: TrainEvent[] = [];
      ts.run(() => {
        const model = mlp([2, 4, 1], { seed: 5 });
        fit(model, blobs(), {
          loss: 'mse',
          optimizer: sgd(model.parameters(), { lr: 0.1 }),
          epochs: 3,
          batchSize: 5,
          sliceMs: 0,
          scheduler: ticking(ts, 2),
        }).subscribe((e) => events.push(e));
      });
      return events;
    });
    expect(streams[0]).toEqual(streams[1]);
    expect((streams[0][1] as EpochEvent).elapsedMs).toBe(8); // 5 steps, 2 frames apart
  });

  it('events are plain data: they survive structuredClone unchanged', async () => {
    const model = mlp([2, 4, 1], { seed: 5 });
    const events = await lastValueFrom(
      fit(model, blobs(), {
        loss: 'mse',
        optimizer: sgd(model.parameters(), { lr: 0.1 }),
        epochs: 2,
        validation: blobs(6),
        metrics: ['mae'],
        emit: 'step',
        scheduler: queueScheduler,
      }).pipe(toArray()),
    );
    expect(structuredClone(events)).toEqual(events);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it('reports metrics by name or function, on the training set after each epoch (hand values)', async () => {
    const { model, data, optimizer } = line();
    const events = await lastValueFrom(
      fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 2,
        batchSize: 2,
        metrics: {
          mae: 'mae',
          w: function w() {
            return model.value;
          },
        },
        scheduler: queueScheduler,
      }).pipe(toArray()),
    );
    const epochs = events.filter((e): e is EpochEvent => e.type === 'epoch');
    // after epoch 1 w = 1: preds [1, 2] vs [2, 4], mae = 1.5; after epoch 2 w = 1.5: mae = 0.75
    expect(epochs.map((e) => e.metrics)).toEqual([
      { mae: 1.5, w: 1 },
      { mae: 0.75, w: 1.5 },
    ]);
  });

  it('computes the validation loss and metrics on a validation set', async () => {
    const { model, data, optimizer } = line();
    const val = new Dataset(tensor([[3]]), tensor([[5]]));
    const events = await lastValueFrom(
      fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 2,
        batchSize: 2,
        validation: val,
        metrics: ['mae'],
        scheduler: queueScheduler,
      }).pipe(toArray()),
    );
    expect(events[0]).toMatchObject({ type: 'start', samples: 2, valSamples: 1 });
    const [e1, e2] = events.filter((e): e is EpochEvent => e.type === 'epoch');
    // w = 1 then 1.5: val prediction 3 then 4.5 against 5
    expect([e1.valLoss, e1.valMetrics]).toEqual([4, { mae: 2 }]);
    expect([e2.valLoss, e2.valMetrics]).toEqual([0.25, { mae: 0.5 }]);
  });

  it('holds out a seeded fraction as validation set', async () => {
    const model = mlp([2, 4, 1], { seed: 5 });
    const events = await lastValueFrom(
      fit(model, blobs(20), {
        loss: 'mse',
        optimizer: sgd(model.parameters(), { lr: 0.1 }),
        validation: 0.25,
        scheduler: queueScheduler,
      }).pipe(toArray()),
    );
    expect(events[0]).toMatchObject({ samples: 15, valSamples: 5 });
    expect(typeof (events[1] as EpochEvent).valLoss).toBe('number');
  });

  it('maps loss names to the ops: sse sums where mse averages', async () => {
    const { model, data, optimizer } = line();
    const [, first] = await lastValueFrom(
      fit(model, data, { loss: 'sse', optimizer, batchSize: 2, scheduler: queueScheduler }).pipe(
        toArray(),
      ),
    );
    expect((first as EpochEvent).loss).toBe(20); // (0−2)² + (0−4)²
  });

  it("trains a classifier with 'crossEntropy' on class indices, reporting accuracy", async () => {
    // three classes by angle sector; logits from mlp 2 → 16 → 3
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 60; i++) {
      const angle = (i * 2.399) % (2 * Math.PI);
      const r = 0.5 + (i % 5) / 5;
      xs.push([r * Math.cos(angle), r * Math.sin(angle)]);
      ys.push(Math.floor(angle / ((2 * Math.PI) / 3)));
    }
    const ds = new Dataset(tensor(xs), tensor(ys));
    const model = mlp([2, 16, 3], { seed: 2 });
    const epochs = await lastValueFrom(
      fit(model, ds, {
        loss: 'crossEntropy',
        optimizer: adam(model.parameters(), { lr: 0.05 }),
        epochs: 40,
        batchSize: 16,
        metrics: ['accuracy'],
        scheduler: queueScheduler,
      }).pipe(toArray()),
    ).then((es) => es.filter((e): e is EpochEvent => e.type === 'epoch'));
    expect(epochs[0].loss).toBeGreaterThan(epochs.at(-1)!.loss);
    expect(epochs.at(-1)!.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    // the name maps to the op: the same loss as crossEntropy itself
    const logits = model.forward(ds.x);
    expect(evaluate(model, ds, [], { loss: 'crossEntropy' }).loss).toBe(
      crossEntropy(logits, ds.y).item(),
    );
  });

  it('two subscriptions are two runs; at the same time on one model, the second is an error', async () => {
    const { model, data, optimizer } = line();
    const run$ = fit(model, data, { loss: 'mse', optimizer, epochs: 2, batchSize: 2 });
    let caught: Error | undefined;
    const first = run$.subscribe();
    run$.subscribe({ error: (e) => (caught = e) });
    first.unsubscribe();
    expect(caught).toBeInstanceOf(ArgumentError);
    expect(caught?.message).toMatch(/already being trained.*share\(\)/);
    expect(model.value).toBe(0); // the first run was unsubscribed before its first slice
    // after the first run ended, a new subscription is a new run on the same model
    await lastValueFrom(run$);
    expect(model.value).toBe(LINE_WEIGHTS[2]);
  });

  it('share() gives one run to several subscribers', async () => {
    const { model, data, optimizer } = line();
    const run$ = fit(model, data, { loss: 'mse', optimizer, epochs: 3, batchSize: 2 }).pipe(
      share(),
    );
    const [a, b] = await Promise.all([
      lastValueFrom(run$.pipe(toArray())),
      lastValueFrom(run$.pipe(toArray())),
    ]);
    expect(a).toEqual(b);
    expect(model.value).toBe(LINE_WEIGHTS[3]);
  });

  it('reports bad options as an ArgumentError notification on subscription, naming the option', () => {
    const { model, data, optimizer } = line();
    const run$ = (options: object) =>
      fit(model, data, { loss: 'mse', optimizer, ...options } as never);
    const message = (options: object) => errorOf(run$(options))?.message;
    // fit itself never throws: the error is the stream's, like every other failure of a run
    expect(() => run$({ epochs: 0 })).not.toThrow();
    expect(errorOf(run$({ epochs: 0 }))).toBeInstanceOf(ArgumentError);
    expect(message({ epoch: 3 })).toMatch(/^fit: unknown option 'epoch'/);
    expect(message({ epochs: 0 })).toMatch(/epochs must be a positive integer, got 0/);
    expect(message({ batchSize: 2.5 })).toMatch(/batchSize must be a positive integer/);
    expect(message({ loss: 'mae' })).toMatch(/loss must be a function .* or one of 'mse', 'sse'/);
    expect(message({ validation: 1.5 })).toMatch(/validation must be a Dataset or a fraction/);
    expect(message({ emit: 'often' })).toMatch(
      /emit must be 'epoch', 'step' or a positive integer/,
    );
    expect(message({ metrics: ['auc'] })).toMatch(/a metric must be a function/);
    expect(message({ optimizer: undefined })).toMatch(/optimizer must be an Optimizer/);
    expect(message({ optimizer: new PlainSgd(new Scale().parameters(), 1) })).toMatch(
      /updates none of the model's parameters/,
    );
    expect(message({ resumeFrom: { epoch: 1 } })).toMatch(/expected a snapshot from checkpoint/);
    expect(errorOf(fit({} as never, data, { loss: 'mse', optimizer }))?.message).toBe(
      'fit: model must be a Module, got object',
    );
    expect(model.value).toBe(0);
  });
});
