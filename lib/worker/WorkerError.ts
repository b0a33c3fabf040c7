import { RxgradError } from '../core/index.js';

/**
 * A worker failed in a way that carried no typed error: it could not load, it exited before
 * the run ended, or a message could not be decoded.
 *
 * @example
 * fitInWorker(spawn, config).subscribe({ error: (e) => e instanceof WorkerError });
 */
export class WorkerError extends RxgradError {
  override name = 'WorkerError';
}
