import { Observable } from 'rxjs';
import { ArgumentError } from '../core/index.js';
import type { Module, StateDict } from '../nn/Module.js';
import type { TrainEvent } from '../train/events.js';
import {
  type FromWorker,
  isProtocolMessage,
  type ToWorker,
  type WorkerControl,
  type WorkerLike,
} from './protocol.js';
import { deserializeError, errorFromCrash } from './serializeError.js';
import { WorkerError } from './WorkerError.js';
import { fromWeightsData } from './weightsData.js';

/** The control command that asks a worker for its current weights. */
export const requestWeights: WorkerControl = { type: 'requestWeights' };

/** Options of `fitInWorker`. */
export interface FitInWorkerOptions {
  /**
   * Control commands for the run, forwarded to the worker's `control$` (`pause`, `resume`,
   * `stop`, `setLearningRate`); `requestWeights` asks for the current weights instead.
   */
  readonly control$?: Observable<WorkerControl>;
  /** A model of the same architecture that receives the weights, at the end and on request. */
  readonly model?: Module;
  /** Called with the weights as tensors, at the end (`final: true`) and on each request. */
  readonly onWeights?: (weights: StateDict, info: { final: boolean }) => void;
}

/**
 * Runs a training in a worker and returns it as the same cold Observable of plain-data events
 * that `fit` returns in-process. Each subscription spawns a worker with `spawn()`, sends it
 * `config`, and relays the events of the run that the worker's `serveFit(setup)` builds.
 * Unsubscribing terminates the worker; an error thrown in the worker arrives as an error
 * notification of the same class (`ShapeError`, `NonFiniteError`, ...); a worker that dies
 * without one gives a `WorkerError`. Before completing, the trained weights are loaded into
 * `options.model` (so, as with `fit`, the model holds them when the stream completes).
 *
 * @example
 * const spawn = () => new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
 * fitInWorker(spawn, { lr: 0.01 }, { model }).subscribe((e) => console.log(e));
 * // in Node: fitInWorker(() => nodeWorker(new URL('./train.worker.ts', import.meta.url)), config)
 */
export function fitInWorker<E = TrainEvent, C = unknown>(
  spawn: () => WorkerLike,
  config: C,
  options: FitInWorkerOptions = {},
): Observable<E> {
  return new Observable<E>((subscriber) => {
    let finished = false;
    const worker = spawn();
    const post = (message: ToWorker): void => worker.postMessage(message);
    const fail = (error: Error): void => {
      if (finished) return;
      finished = true;
      subscriber.error(error);
    };

    worker.addEventListener('message', (e) => {
      const message = e.data;
      if (finished || !isProtocolMessage(message)) return;
      const m = message as FromWorker<E>;
      if (m.kind === 'event') subscriber.next(m.event);
      else if (m.kind === 'weights') {
        try {
          const weights = fromWeightsData(m.weights);
          options.model?.loadStateDict(weights);
          options.onWeights?.(weights, { final: m.final });
        } catch (error) {
          fail(error as Error);
        }
      } else if (m.kind === 'complete') {
        finished = true;
        subscriber.complete();
      } else if (m.kind === 'error') fail(deserializeError(m.error));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      fail(errorFromCrash(event));
    });
    worker.addEventListener('messageerror', () =>
      fail(new WorkerError('fitInWorker: a message from the worker could not be decoded')),
    );

    const control = options.control$?.subscribe((c) => {
      if (!finished)
        post(
          c.type === 'requestWeights'
            ? { rxgrad: 1, kind: 'weights' }
            : { rxgrad: 1, kind: 'control', control: c },
        );
    });
    try {
      post({ rxgrad: 1, kind: 'start', config });
    } catch (error) {
      fail(
        new ArgumentError(
          `fitInWorker: config must be plain data that postMessage can copy: ${(error as Error).message}`,
        ),
      );
    }

    return () => {
      control?.unsubscribe();
      if (!finished) {
        finished = true;
        post({ rxgrad: 1, kind: 'cancel' });
      }
      worker.terminate();
    };
  });
}
