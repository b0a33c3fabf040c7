import { lastValueFrom, type Observable, toArray } from 'rxjs';
import type { EpochEvent, RestartsEvent, SummaryEvent } from '../lib/index.js';
import { progressBar } from '../lib/node/index.js';
import type { DemoOptions } from './common.js';

/** Runs a training stream to completion (with a live progress bar when `o.progress`) and returns its events. */
export function collect<E extends RestartsEvent>(
  o: DemoOptions,
  run$: Observable<E>,
): Promise<E[]> {
  const shown = o.progress ? run$.pipe(progressBar<E>()) : run$;
  return lastValueFrom(shown.pipe(toArray()));
}

/** The epoch events of a run, in order. */
export function epochs(events: readonly RestartsEvent[]): EpochEvent[] {
  return events.filter((e): e is EpochEvent => e.type === 'epoch');
}

/** The summary event of `restarts`. */
export function summary(events: readonly RestartsEvent[]): SummaryEvent {
  const s = events.find((e): e is SummaryEvent => e.type === 'summary');
  if (!s) throw new Error('restarts ended without a summary event');
  return s;
}
