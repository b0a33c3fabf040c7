// The worker path across a real thread boundary: worker_threads, with the worker module in
// TypeScript loaded through tsx, as `fitInWorker(() => nodeWorker(url), config)` runs it.
import { firstValueFrom, lastValueFrom, Subject, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  type ControlCommand,
  fitInWorker,
  ShapeError,
  WorkerError,
  type WorkerLike,
} from '../../lib/index.js';
import { nodeWorker } from '../../lib/node/index.js';
import { failure } from './fixtures/failure.js';
import { type StandinConfig, type StandinEvent, standinSetup } from './fixtures/standinRun.js';

const entry = new URL('./fixtures/standin.worker.ts', import.meta.url);

/** Spawns real worker threads and keeps what terminate() returned (Node: a promise of the exit code). */
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

describe('fitInWorker in a Node worker thread', () => {
  it('gives the same events and final weights as the in-process run with the same seed', async () => {
    const config: StandinConfig = { seed: 11, steps: 25 };
    const reference = standinSetup(config, new Subject<ControlCommand>());
    const expected = await lastValueFrom(reference.run$.pipe(toArray()));
    const local = standinSetup({ seed: 0, steps: 0 }, new Subject()).model;
    const { spawn, exits } = spawner();
    const events = await lastValueFrom(
      fitInWorker<StandinEvent>(spawn, config, { model: local }).pipe(toArray()),
    );
    expect(events).toEqual(expected);
    expect([...local.w.data, ...local.b.data]).toEqual([
      ...reference.model.w.data,
      ...reference.model.b.data,
    ]);
    expect(exits).toHaveLength(1);
  });

  it('unsubscribing terminates the worker thread: the run stops', async () => {
    const { spawn, exits } = spawner();
    const events = await firstValueFrom(
      fitInWorker<StandinEvent>(spawn, { seed: 1, steps: 1_000_000, delayMs: 1 }).pipe(
        take(3),
        toArray(),
      ),
    );
    expect(events).toHaveLength(3);
    expect(exits).toHaveLength(1);
    // terminate() resolves with the thread's exit code once the thread has stopped.
    expect(typeof (await exits[0])).toBe('number');
  });

  it('an error thrown in the run arrives as the same typed error', async () => {
    const { spawn } = spawner();
    const error = await failure(fitInWorker(spawn, { seed: 1, steps: 10, failAt: 4 }));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('standin: bad batch at step 4');
  });

  it('an uncaught crash of the worker becomes an error notification of the same class', async () => {
    const { spawn, exits } = spawner();
    const error = await failure(fitInWorker(spawn, { seed: 1, steps: 10, crashAt: 2 }));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.message).toBe('standin: crash at step 2');
    expect(exits).toHaveLength(1);
  });

  it('a worker thread that exits mid-run gives a WorkerError', async () => {
    const { spawn } = spawner();
    const error = await failure(fitInWorker(spawn, { seed: 1, steps: 10, exitAt: 2 }));
    expect(error).toBeInstanceOf(WorkerError);
    expect(error.message).toBe(
      'nodeWorker: the worker exited with code 3 before it was terminated',
    );
  });

  it('a worker module that cannot load gives an error notification', async () => {
    const spawn = () => nodeWorker(new URL('./fixtures/missing.worker.ts', import.meta.url));
    const error = await failure(fitInWorker(spawn, {}));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/missing\.worker\.ts/);
  });
});
