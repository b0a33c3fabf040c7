import { type Observable, Subject, type Subscription } from 'rxjs';
import { ArgumentError } from '../core/index.js';
import type { Module } from '../nn/Module.js';
import type { ControlCommand } from '../train/control.js';
import type { TrainEvent } from '../train/events.js';
import { type FromWorker, isProtocolMessage, type PortLike, type ToWorker } from './protocol.js';
import { serializeError } from './serializeError.js';
import { toWeightsData, transferablesOf } from './weightsData.js';

/** What a worker's setup returns: the run to serve and the model it trains. */
export interface ServedFit<E = TrainEvent> {
  /** The run's events, typically `fit(model, data, { ...options, control$ })`. */
  readonly run$: Observable<E>;
  /** The model being trained; its weights go back at the end and whenever they are asked for. */
  readonly model?: Module;
}

/**
 * Builds a run from the caller's plain-data configuration. `control$` carries the caller's
 * control commands (`pause`, `resume`, `stop`, `setLearningRate`, `checkpoint`, ...): pass it to
 * `fit` (merged with a Subject of the worker's own, if a `checkpoint` operator there sends to it).
 */
export type FitSetup<C, E = TrainEvent> = (
  config: C,
  control$: Observable<ControlCommand>,
) => ServedFit<E> | Promise<ServedFit<E>>;

/**
 * The worker side of `fitInWorker`: call it once at the top of a worker module. It waits for
 * the caller's configuration, builds the run with `setup`, and streams its events back; it
 * forwards control commands, sends the weights on request and at the end, stops the run when
 * the caller unsubscribes, and turns a throw into an error message with the error's class name.
 *
 * @param port `self` in a browser worker (the default), `parentPort` in a Node worker thread.
 * @example
 * // train.worker.ts
 * serveFit((config: { lr: number }, control$) => {
 *   const model = mlp([2, 8, 1]);
 *   return { model, run$: fit(model, data, { optimizer: adam(model.parameters(), { lr: config.lr }), control$ }) };
 * });
 */
export function serveFit<C, E = TrainEvent>(
  setup: FitSetup<C, E>,
  port: PortLike = globalThis as unknown as PortLike,
): void {
  if (typeof port?.postMessage !== 'function' || typeof port.addEventListener !== 'function') {
    throw new ArgumentError(
      'serveFit: no port to the main thread; in a Node worker thread pass parentPort from node:worker_threads',
    );
  }
  const control$ = new Subject<ControlCommand>();
  let model: Module | undefined;
  let subscription: Subscription | undefined;
  let started = false;
  let finished = false;

  const send = (message: FromWorker<E>, transfer?: ArrayBuffer[]): void =>
    transfer ? port.postMessage(message, transfer) : port.postMessage(message);
  const fail = (error: unknown): void => {
    if (finished) return;
    finished = true;
    subscription?.unsubscribe();
    send({ rxgrad: 1, kind: 'error', error: serializeError(error) });
  };
  const sendWeights = (final: boolean): void => {
    if (!model) return;
    const weights = toWeightsData(model.stateDict());
    send({ rxgrad: 1, kind: 'weights', weights, final }, transferablesOf(weights));
  };

  const start = async (config: C): Promise<void> => {
    let run: ServedFit<E>;
    try {
      run = await setup(config, control$.asObservable());
    } catch (error) {
      fail(error);
      return;
    }
    if (finished) return;
    model = run.model;
    subscription = run.run$.subscribe({
      next: (event) => {
        if (finished) return;
        try {
          send({ rxgrad: 1, kind: 'event', event });
        } catch (error) {
          fail(
            new ArgumentError(
              `serveFit: an event could not cross to the main thread (events must be plain data): ${(error as Error).message}`,
            ),
          );
        }
      },
      error: fail,
      complete: () => {
        if (finished) return;
        try {
          sendWeights(true);
        } catch (error) {
          fail(error);
          return;
        }
        finished = true;
        send({ rxgrad: 1, kind: 'complete' });
      },
    });
    if (finished) subscription.unsubscribe();
  };

  port.addEventListener('message', (e) => {
    const message = e.data;
    if (!isProtocolMessage(message)) return;
    const m = message as ToWorker;
    if (m.kind === 'start') {
      if (started) {
        fail(new ArgumentError('serveFit: a worker serves one run, but a second start arrived'));
        return;
      }
      started = true;
      void start(m.config as C);
    } else if (m.kind === 'control') {
      control$.next(m.control);
    } else if (m.kind === 'weights') {
      if (!finished) sendWeights(false);
    } else if (m.kind === 'cancel') {
      finished = true;
      subscription?.unsubscribe();
      control$.complete();
    }
  });
}
