import { asyncScheduler, delay, lastValueFrom, queueScheduler, tap, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  earlyStopping,
  fit,
  linkRun,
  runAt,
  runOf,
  type TrainEvent,
} from '../../lib/index.js';
import { epochEvent, line } from './helpers.js';

describe('the run handle (TrainRun)', () => {
  it('each event of a run leads to the run, which is at that event\u2019s step', async () => {
    const { model, data, optimizer } = line();
    const checks: [string, number, number][] = [];
    await lastValueFrom(
      fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 2,
        batchSize: 2,
        scheduler: queueScheduler,
      }).pipe(
        tap((e) => {
          const run = runAt(e, 'test');
          checks.push([e.type, run.step, run.model === model ? run.learningRate : -1]);
        }),
      ),
    );
    expect(checks).toEqual([
      ['start', 0, 0.1],
      ['epoch', 1, 0.1],
      ['epoch', 2, 0.1],
    ]);
  });

  it('events stay plain: the link is not a property of the event', async () => {
    const { model, data, optimizer } = line();
    const [start] = await lastValueFrom(
      fit(model, data, { loss: 'mse', optimizer, batchSize: 2, scheduler: queueScheduler }).pipe(
        toArray(),
      ),
    );
    expect(Object.keys(start).sort()).toEqual([
      'epoch',
      'epochs',
      'samples',
      'step',
      'stepsPerEpoch',
      'type',
      'valSamples',
    ]);
    expect(Object.getOwnPropertySymbols(start)).toEqual([]);
    expect(runOf(start)).toBeDefined();
    expect(runOf({ ...start })).toBeUndefined();
    expect(runOf(linkRun({ ...start }, start))).toBe(runOf(start));
  });

  it('weights(), loadWeights() and snapshot() give copies, not views', async () => {
    const { model, data, optimizer } = line();
    let run: ReturnType<typeof runAt> | undefined;
    await lastValueFrom(
      fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 2,
        batchSize: 2,
        scheduler: queueScheduler,
      }).pipe(
        tap((e) => {
          run ??= runAt(e, 'test');
        }),
      ),
    );
    const w = run!.weights();
    expect(w).toEqual({ w: { shape: [1, 1], dtype: 'float64', data: new Float64Array([1.5]) } });
    model.w.data[0] = 7;
    expect(w.w.data[0]).toBe(1.5);
    run!.loadWeights(w);
    expect(model.value).toBe(1.5);
    expect(() => run!.loadWeights({})).toThrow(/missing key 'w'/);
    expect(run!.snapshot()).toMatchObject({ format: 'rxgrad.snapshot', epoch: 2, step: 2 });
  });

  it('after an asynchronous operator the run has moved on: operators that need it say so', async () => {
    const { model, data, optimizer } = line();
    const outcome = await lastValueFrom(
      fit(model, data, { loss: 'mse', optimizer, epochs: 5, batchSize: 2, sliceMs: 0 }).pipe(
        delay(30, asyncScheduler),
        earlyStopping({ patience: 1, restoreBest: true }),
      ),
    ).catch((e: Error) => e);
    expect(outcome).toBeInstanceOf(ArgumentError);
    expect((outcome as Error).message).toMatch(
      /earlyStopping: the run has moved on from step 1 to step \d+; an asynchronous operator .* place earlyStopping directly after fit/,
    );
  });

  it('runAt names the place when an event has no run', () => {
    const e: TrainEvent = epochEvent(1);
    expect(() => runAt(e, 'myOperator')).toThrow(
      "myOperator: this 'epoch' event has no training run attached; place myOperator on a stream from fit or trainOn",
    );
  });
});
