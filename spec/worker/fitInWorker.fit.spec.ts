// fitInWorker with the real trainer: a seeded `fit` run in a worker thread gives the same
// events and weights as in-process, crosses cancellation, controls and typed errors.
import { firstValueFrom, lastValueFrom, Subject, take, tap, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  type ControlCommand,
  fitInWorker,
  NonFiniteError,
  requestWeights,
  type StateDict,
  type TrainEvent,
  type WorkerControl,
  type WorkerLike,
} from '../../lib/index.js';
import { nodeWorker } from '../../lib/node/index.js';
import { failure } from './fixtures/failure.js';
import { fitSetup, type IrisConfig } from './fixtures/fitSetup.js';

const entry = new URL('./fixtures/fit.worker.ts', import.meta.url);

function spawner() {
  const exits: Promise<number>[] = [];
  const spawn = (): WorkerLike => {
    const w = nodeWorker(entry);
    const terminate = w.terminate.bind(w);
    w.terminate = () => {
      const exit = terminate() as Promise<number>;
      exits.push(exit);
      return exit;
    };
    return w;
  };
  return { spawn, exits };
}

/** Events without `elapsedMs`, the one field that differs between identical runs in real time. */
const timeless = (events: TrainEvent[]) =>
  events.map((e) => (e.type === 'epoch' ? { ...e, elapsedMs: 0 } : e));
const values = (s: StateDict) =>
  Object.fromEntries(Object.entries(s).map(([k, t]) => [k, [...t.data]]));

describe('fitInWorker with fit, in a Node worker thread', () => {
  it('gives the same events and final weights as fit in-process with the same seed', async () => {
    const config: IrisConfig = { seed: 3, epochs: 4, lr: 0.02 };
    const reference = fitSetup(config, new Subject<ControlCommand>());
    const expected = await lastValueFrom(reference.run$.pipe(toArray()));
    const local = fitSetup({ ...config, seed: 99 }, new Subject()).model;
    const { spawn } = spawner();
    const events = await lastValueFrom(
      fitInWorker(spawn, config, { model: local }).pipe(toArray()),
    );
    expect(timeless(events)).toEqual(timeless(expected));
    expect(events.map((e) => e.type)).toEqual(expected.map((e) => e.type));
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(4);
    expect(values(local.stateDict())).toEqual(values(reference.model.stateDict()));
  });

  it('pause, weights on demand and stop cross the boundary', async () => {
    const config: IrisConfig = { seed: 5, epochs: 200, lr: 0.02 };
    const control$ = new Subject<WorkerControl>();
    const got: { weights: StateDict; final: boolean }[] = [];
    const { spawn } = spawner();
    const events = await lastValueFrom(
      fitInWorker(spawn, config, {
        control$,
        onWeights: (weights, { final }) => got.push({ weights, final }),
      }).pipe(
        tap((e) => {
          if (e.type === 'step' && e.step === 10) control$.next({ type: 'pause' });
          if (e.type === 'control' && e.command === 'pause') {
            control$.next(requestWeights);
            control$.next({ type: 'stop' });
          }
        }),
        toArray(),
      ),
    );
    const pause = events.find((e) => e.type === 'control' && e.command === 'pause')!;
    expect(events.at(-1)).toMatchObject({ type: 'control', command: 'stop', step: pause.step });
    expect(got.map((g) => g.final)).toEqual([false, true]);
    // Paused after `pause.step` steps: the weights are those of an in-process run of that
    // many steps (stopped at the same step boundary).
    const reference = fitSetup(config, new Subject());
    await lastValueFrom(
      reference.run$.pipe(
        take(events.indexOf(pause)), // the events before the pause
        toArray(),
      ),
    );
    expect(values(got[0].weights)).toEqual(values(reference.model.stateDict()));
  });

  it('unsubscribing terminates the worker thread', async () => {
    const { spawn, exits } = spawner();
    const events = await firstValueFrom(
      fitInWorker(spawn, { seed: 1, epochs: 10_000, lr: 0.01 }).pipe(take(5), toArray()),
    );
    expect(events[0].type).toBe('start');
    expect(events).toHaveLength(5);
    expect(exits).toHaveLength(1);
    expect(typeof (await exits[0])).toBe('number');
  });

  it('a diverging run ends with NonFiniteError, as in-process', async () => {
    const config: IrisConfig = { seed: 1, epochs: 50, lr: 1e6, regression: true };
    const inProcess = await failure(fitSetup(config, new Subject()).run$);
    const { spawn } = spawner();
    const error = await failure(fitInWorker(spawn, config));
    expect(inProcess).toBeInstanceOf(NonFiniteError);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect(error.message).toBe(inProcess.message);
    expect(error.message).toMatch(/step \d+/);
  });
});
