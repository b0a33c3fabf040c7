import { Presets, SingleBar } from 'cli-progress';
import type { DemoOptions } from './common.js';

/** A terminal progress bar for a hand-written loop, and a `log` that does not garble it. */
export interface LoopProgress {
  update(done: number, loss: number): void;
  /** Prints at once without a bar; with a bar, after `stop()`. */
  log(line: string): void;
  stop(): void;
}

/** A progress bar (loops, loss, ETA) on stderr when `o.progress`; otherwise just the log. */
export function loopProgress(o: DemoOptions, total: number): LoopProgress {
  if (!o.progress) return { update: () => {}, log: o.log, stop: () => {} };
  const bar = new SingleBar(
    {
      format: '  {bar} {value}/{total} loops | loss {loss} | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { loss: '-' });
  const held: string[] = [];
  return {
    update: (done, loss) => bar.update(done, { loss: loss.toPrecision(4) }),
    log: (line) => held.push(line),
    stop: () => {
      bar.stop();
      for (const line of held) o.log(line);
    },
  };
}
