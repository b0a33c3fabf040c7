import cliProgress from 'cli-progress';
import { defer, finalize, type MonoTypeOperatorFunction, tap } from 'rxjs';
import { ArgumentError, excerpt } from '../core/index.js';
import type { RestartsEvent } from '../train/index.js';
import { formatNumber } from '../train/index.js';

/** A stream the bar can draw on: `process.stderr`, or anything with `write` (tests inject one). */
export interface ProgressStream {
  /** Writes text (ANSI escapes included, on a terminal). */
  write(chunk: string): unknown;
  /** Terminals redraw in place; other streams get nothing unless `noTTYOutput` is set. */
  isTTY?: boolean;
  /** The terminal's width in characters, where known. */
  columns?: number;
}

/** Options of `progressBar`. */
export interface ProgressBarOptions {
  /** Where to draw. Default `process.stderr`. */
  stream?: ProgressStream;
  /** Also draw on a stream that is not a terminal (a line every 2 s, cli-progress's `notTTYSchedule` default). Default false. */
  noTTYOutput?: boolean;
  /** cli-progress format; placeholders {bar} {percentage} {eta_formatted} {value} {total} and {epoch} {epochs} {loss} {run}. */
  format?: string;
  /** Redraws per second at most. Default 10. */
  fps?: number;
}

const FORMAT = 'epoch {epoch}/{epochs} [{bar}] {percentage}% | loss {loss} | ETA {eta_formatted}';

/**
 * A terminal progress bar for a training stream (Node only; from `rxgrad/node`), drawn with
 * cli-progress: epoch, loss and ETA, advanced per step. It starts at the run's `start` event
 * (restarted for each run of `restarts`), updates on `step` and `epoch` events, and stops when
 * the stream completes, errors or is unsubscribed. Events pass through unchanged. On a stream
 * that is not a terminal (a CI log) it draws nothing unless `noTTYOutput` is set.
 *
 * @example
 * fit(model, data, options).pipe(progressBar()).subscribe();
 * // epoch 3/10 [████████░░░░░░░░] 30% | loss 0.4123 | ETA 12s
 */
export function progressBar<E extends RestartsEvent>(
  options: ProgressBarOptions = {},
): MonoTypeOperatorFunction<E> {
  const stream = options.stream ?? process.stderr;
  if (typeof stream?.write !== 'function') {
    throw new ArgumentError('progressBar: stream must be writable (an object with write())');
  }
  const fps = options.fps ?? 10;
  if (typeof fps !== 'number' || !(fps > 0)) {
    throw new ArgumentError(`progressBar: fps must be a positive number, got ${excerpt(fps)}`);
  }
  return (source) =>
    defer(() => {
      const bar = new cliProgress.SingleBar(
        {
          stream: stream as NodeJS.WritableStream,
          format: options.format ?? FORMAT,
          noTTYOutput: options.noTTYOutput ?? false,
          fps,
          hideCursor: false,
          gracefulExit: false,
        },
        cliProgress.Presets.shades_classic,
      );
      let started = false;
      let epochs = 0;
      const payload = (epoch: number, loss: number | undefined, run: number | undefined) => ({
        epoch,
        epochs,
        loss: loss === undefined ? '-' : formatNumber(loss),
        run: run ?? 0,
      });
      return source.pipe(
        tap((e: E) => {
          if (e.type === 'start') {
            if (started) bar.stop();
            epochs = e.epochs;
            bar.start(e.epochs * e.stepsPerEpoch, e.step, payload(e.epoch + 1, undefined, e.run));
            started = true;
          } else if (started && e.type === 'step') {
            bar.update(e.step, payload(e.epoch, e.loss, e.run));
          } else if (started && e.type === 'epoch') {
            bar.update(e.step, payload(e.epoch, e.loss, e.run));
          }
        }),
        finalize(() => {
          if (started) bar.stop();
        }),
      );
    });
}
