import { finalize, firstValueFrom, lastValueFrom, of, Subject, take, tap, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ArgumentError,
  type ControlCommand,
  type FitSetup,
  fitInWorker,
  requestWeights,
  ShapeError,
  type StateDict,
  type WorkerControl,
  WorkerError,
} from '../../lib/index.js';
import { type ChannelWorker, channelWorker } from './fixtures/channel.js';
import { failure } from './fixtures/failure.js';
import { type StandinConfig, type StandinEvent, standinSetup } from './fixtures/standinRun.js';

const open: ChannelWorker[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

function spawner<C, E>(
  setup: FitSetup<C, E>,
): { spawn: () => ChannelWorker; workers: ChannelWorker[] } {
  const workers: ChannelWorker[] = [];
  return {
    workers,
    spawn: () => {
      const w = channelWorker(setup);
      workers.push(w);
      open.push(w);
      return w;
    },
  };
}

/** The stand-in run in-process, no transport: the reference the worker path must reproduce. */
async function direct(config: StandinConfig) {
  const never = new Subject<ControlCommand>();
  const { model, run$ } = standinSetup(config, never);
  const events = await lastValueFrom(run$.pipe(toArray()));
  return { events, weights: model.stateDict() };
}

const values = (s: StateDict) =>
  Object.fromEntries(Object.entries(s).map(([k, t]) => [k, [...t.data]]));

describe('fitInWorker (protocol over an in-process channel)', () => {
  it('relays the same events as the run in-process and completes', async () => {
    const config = { seed: 7, steps: 12 };
    const { spawn } = spawner(standinSetup);
    const events = await lastValueFrom(fitInWorker<StandinEvent>(spawn, config).pipe(toArray()));
    expect(events).toEqual((await direct(config)).events);
    expect(events).toHaveLength(12);
  });

  it('is cold: nothing is spawned before subscription, one worker per subscription', async () => {
    const { spawn, workers } = spawner(standinSetup);
    const run$ = fitInWorker<StandinEvent>(spawn, { seed: 1, steps: 3 });
    expect(workers).toHaveLength(0);
    const [a, b] = await Promise.all([
      lastValueFrom(run$.pipe(toArray())),
      lastValueFrom(run$.pipe(toArray())),
    ]);
    expect(workers).toHaveLength(2);
    expect(a).toEqual(b);
  });

  it('loads the final weights into options.model before completing, and reports them', async () => {
    const config = { seed: 3, steps: 20 };
    const local = standinSetup({ seed: 99, steps: 0 }, new Subject()).model;
    const reports: { final: boolean; weights: StateDict }[] = [];
    const { spawn, workers } = spawner(standinSetup);
    let atComplete: Record<string, number[]> | undefined;
    await new Promise<void>((resolve, reject) =>
      fitInWorker(spawn, config, {
        model: local,
        onWeights: (weights, { final }) => reports.push({ weights, final }),
      }).subscribe({
        error: reject,
        complete: () => {
          atComplete = values(local.stateDict());
          resolve();
        },
      }),
    );
    const expected = values((await direct(config)).weights);
    expect(atComplete).toEqual(expected);
    expect(reports.map((r) => r.final)).toEqual([true]);
    expect(values(reports[0].weights)).toEqual(expected);
    expect(workers[0].terminated).toBe(1);
  });

  it('sends the current weights on demand (requestWeights on control$)', async () => {
    const control$ = new Subject<WorkerControl>();
    const { spawn } = spawner(standinSetup);
    const got: { final: boolean; weights: StateDict }[] = [];
    const run$ = fitInWorker<StandinEvent>(
      spawn,
      { seed: 5, steps: 1000, delayMs: 1 },
      {
        control$,
        onWeights: (weights, { final }) => got.push({ weights, final }),
      },
    );
    const events: StandinEvent[] = [];
    const sub = run$.subscribe((e) => {
      events.push(e);
      if (e.type === 'step' && e.step === 4) control$.next({ type: 'pause' });
      if (e.type === 'paused') control$.next(requestWeights);
    });
    await expect.poll(() => got.length).toBe(1);
    const paused = events.find((e) => e.type === 'paused')!;
    expect(got[0].final).toBe(false);
    // Paused after `paused.step` steps: the weights are those of a direct run of that many steps.
    expect(values(got[0].weights)).toEqual(
      values((await direct({ seed: 5, steps: paused.step })).weights),
    );
    sub.unsubscribe();
  });

  it('forwards control commands: setLearningRate, pause/resume, stop', async () => {
    const control$ = new Subject<WorkerControl>();
    const { spawn } = spawner(standinSetup);
    const run$ = fitInWorker<StandinEvent>(
      spawn,
      { seed: 2, steps: 10_000, delayMs: 1 },
      { control$ },
    );
    const events = lastValueFrom(
      run$.pipe(
        tap((e) => {
          if (e.type === 'step' && e.step === 2)
            control$.next({ type: 'setLearningRate', lr: 0.05 });
          if (e.type === 'step' && e.step === 4) control$.next({ type: 'pause' });
          if (e.type === 'paused') control$.next({ type: 'resume' });
          if (e.type === 'resumed') control$.next({ type: 'stop' });
        }),
        toArray(),
      ),
    );
    const all = await events;
    const steps = all.filter((e) => e.type === 'step');
    expect(steps.length).toBeLessThan(100);
    expect(steps[0].lr).toBe(0.1);
    expect(steps.at(-1)!.lr).toBe(0.05);
    const types = all.map((e) => e.type);
    expect(types.indexOf('paused')).toBeGreaterThan(0);
    expect(types.indexOf('resumed')).toBe(types.indexOf('paused') + 1);
  });

  it('unsubscribing cancels the run on the serving side and terminates the worker', async () => {
    let tornDown = 0;
    const setup: FitSetup<StandinConfig, StandinEvent> = (config, control$) => {
      const run = standinSetup(config, control$);
      return { ...run, run$: run.run$.pipe(finalize(() => tornDown++)) };
    };
    const { spawn, workers } = spawner(setup);
    const events = await firstValueFrom(
      fitInWorker<StandinEvent>(spawn, { seed: 1, steps: 10_000, delayMs: 1 }).pipe(
        take(3),
        toArray(),
      ),
    );
    expect(events.map((e) => e.type === 'step' && e.step)).toEqual([0, 1, 2]);
    expect(workers[0].terminated).toBe(1);
    await expect.poll(() => tornDown).toBe(1);
  });

  it('an error in the run arrives as an error of the same class', async () => {
    const { spawn, workers } = spawner(standinSetup);
    const error = await failure(fitInWorker(spawn, { seed: 1, steps: 10, failAt: 3 }));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('standin: bad batch at step 3');
    expect(workers[0].terminated).toBe(1);
  });

  it('a throw in the setup arrives typed too', async () => {
    const { spawn } = spawner(() => {
      throw new ArgumentError('setup: hidden must be positive, got -1');
    });
    const error = await failure(fitInWorker(spawn, {}));
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error.message).toBe('setup: hidden must be positive, got -1');
  });

  it('a crash report of the worker becomes an error notification', async () => {
    const { spawn, workers } = spawner(standinSetup);
    const run = failure(fitInWorker(spawn, { seed: 1, steps: 10_000, delayMs: 5 }));
    await expect.poll(() => workers.length).toBe(1);
    workers[0].crash({ message: 'Uncaught ShapeError: matmul: inner dimensions must agree' });
    const error = await run;
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('matmul: inner dimensions must agree');
  });

  it('an event that is not plain data is an ArgumentError, not a silent loss', async () => {
    const { spawn } = spawner(() => ({ run$: of({ type: 'step', callback: () => 1 }) }));
    const error = await failure(fitInWorker(spawn, {}));
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error.message).toMatch(/^serveFit: an event could not cross to the main thread/);
  });

  it('a config that postMessage cannot copy is an ArgumentError', async () => {
    const { spawn } = spawner(standinSetup);
    const error = await failure(fitInWorker(spawn, { f: () => 1 }));
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error.message).toMatch(/^fitInWorker: config must be plain data/);
  });

  it('a worker that reports nothing typed gives a WorkerError', async () => {
    const { spawn, workers } = spawner(standinSetup);
    const run = failure(fitInWorker(spawn, { seed: 1, steps: 10_000, delayMs: 5 }));
    await expect.poll(() => workers.length).toBe(1);
    workers[0].crash({ message: 'Script error.' });
    const error = await run;
    expect(error).toBeInstanceOf(WorkerError);
    expect(error.message).toBe('fitInWorker: the worker crashed: Script error.');
  });
});
