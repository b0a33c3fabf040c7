import { Observable, type SchedulerAction, type SchedulerLike, type Subscription } from 'rxjs';

/** Yielded by a sequence at a point where a slice may end (when its time is spent). */
export const BOUNDARY = Symbol('boundary');
/** Yielded by a sequence that can do nothing until its next input (a paused run). */
export const WAIT = Symbol('wait');

/** What a sequence driven by `scheduleInSlices` yields: values to emit, or where it stands. */
export type Sliced<T> = T | typeof BOUNDARY | typeof WAIT;

/** Stands for a slice being scheduled, until `scheduler.schedule` returns its action. */
const SCHEDULING = { unsubscribe() {} } as Subscription;

/**
 * Runs `sequence` on `scheduler` in time slices and emits the values it yields, the way
 * RxJS's own scheduled actions work (`timer`, `interval`): a slice pulls values until the
 * sequence yields `BOUNDARY` after `sliceMs` of the scheduler's clock, then re-schedules
 * itself. `WAIT` ends the slice without re-scheduling: the sequence sleeps until an input
 * arrives. Each value of `inputs` is passed into the sequence (as the result of its `yield`):
 * at once if no slice is running, else at the sequence's next `yield`; after an input the
 * sequence is pulled up to its next `BOUNDARY` (then a slice is scheduled) or `WAIT`.
 * Returning completes, throwing errors; unsubscribing cancels the scheduled slice, nothing is
 * scheduled again, and the sequence is closed (its `finally` blocks run).
 *
 * @example
 * function* count() { for (let i = 0; i < 3; i++) { yield i; yield BOUNDARY; } }
 * scheduleInSlices(count(), NEVER, asyncScheduler, 0).subscribe(console.log); // 0, 1, 2: one per macrotask
 */
export function scheduleInSlices<T, I>(
  sequence: Generator<Sliced<T>, void, I | undefined>,
  inputs: Observable<I>,
  scheduler: SchedulerLike,
  sliceMs: number,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    const queue: I[] = [];
    let busy = true; // a slice or an input is being run (or none has run yet): inputs wait
    let pending: Subscription | null = null; // the scheduled slice, if any
    let started = false; // NOTE: a generator drops the value passed to its first next()

    /** Pulls values until the sequence is at a boundary where `stop()` is true: 'go on' then. */
    const pull = (stop: () => boolean): 'go on' | 'wait' | 'ended' => {
      busy = true;
      try {
        for (;;) {
          const { done, value } = started ? sequence.next(queue.shift()) : sequence.next();
          started = true;
          if (done) {
            subscriber.complete();
            return 'ended';
          }
          if (value === WAIT) {
            if (queue.length === 0) return 'wait';
          } else if (value === BOUNDARY) {
            if (stop()) return 'go on';
          } else {
            subscriber.next(value);
            if (subscriber.closed) return 'ended';
          }
        }
      } catch (error) {
        subscriber.error(error);
        return 'ended';
      } finally {
        busy = false;
      }
    };

    function slice(this: SchedulerAction<unknown>): void {
      pending = null;
      const start = scheduler.now();
      if (pull(() => scheduler.now() - start >= sliceMs) === 'go on') pending = this.schedule();
    }

    const schedule = (): void => {
      pending = SCHEDULING;
      const action = scheduler.schedule(slice);
      // NOTE: a synchronous scheduler (queueScheduler) has already run the slice here
      if (pending === SCHEDULING) pending = action;
    };

    const input = (value: I): void => {
      queue.push(value);
      if (busy) return;
      const state = pull(() => true);
      if (state === 'wait') {
        pending?.unsubscribe();
        pending = null;
      } else if (state === 'go on' && pending === null) schedule();
    };

    const inputSubscription = inputs.subscribe({
      next: input,
      error: (error) => subscriber.error(error),
    });
    schedule();
    return () => {
      inputSubscription.unsubscribe();
      pending?.unsubscribe();
      pending = null;
      sequence.return();
    };
  });
}
