import fc from 'fast-check';
import { finalize, queueScheduler, Subject, type Subscription, take, tap } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { type ControlCommand, Dataset, fit, type TrainEvent, tensor } from '../../lib/index.js';
import { drifting, PlainSgd, Scale, tracking } from './helpers.js';

describe('fit: nothing after unsubscribe, whatever the timing', () => {
  it('no event, no step and nothing scheduled after unsubscribe; the model is left free and as it was (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          epochs: fc.integer({ min: 1, max: 4 }),
          batchSize: fc.integer({ min: 1, max: 3 }),
          sliceMs: fc.integer({ min: 0, max: 4 }),
          frames: fc.integer({ min: 1, max: 3 }),
          drift: fc.integer({ min: 0, max: 2 }),
          sync: fc.boolean(),
          emit: fc.constantFrom<'epoch' | 'step' | number>('epoch', 'step', 2),
          pauseAt: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
          stop: fc.oneof(
            fc.record({ at: fc.constant('time' as const), t: fc.integer({ min: 0, max: 60 }) }),
            fc.record({ at: fc.constant('event' as const), k: fc.integer({ min: 1, max: 25 }) }),
          ),
        }),
        (c) => {
          const ts = new TestScheduler(() => {});
          const { scheduler, pending } = tracking(
            c.sync ? queueScheduler : drifting(ts, c.frames, c.drift),
          );
          const model = new Scale(0).eval(); // the run trains in training mode, then restores this
          const optimizer = new PlainSgd(model.parameters(), 0.01);
          const data = new Dataset(
            tensor([[1], [2], [3], [4], [5]]),
            tensor([[1], [2], [3], [4], [5]]),
          );
          const control$ = new Subject<ControlCommand>();
          const events: TrainEvent[] = [];
          const errors: unknown[] = [];
          let atStop: { events: number; steps: number } | null = null;
          let subscription: Subscription | undefined;
          let pendingAtTeardown: number | undefined;
          const snapshot = () => ({ events: events.length, steps: optimizer.stepCount });
          const stop = () => {
            subscription?.unsubscribe();
            atStop ??= snapshot();
          };
          const run$ = fit(model, data, {
            loss: 'mse',
            optimizer,
            epochs: c.epochs,
            batchSize: c.batchSize,
            emit: c.emit,
            sliceMs: c.sliceMs,
            scheduler,
            control$,
          });
          // Stopping at the k-th event: take(k) unsubscribes from inside the delivery of that
          // event (synchronously, even during the first slice of a synchronous scheduler).
          const k = c.stop.at === 'event' ? c.stop.k : Number.POSITIVE_INFINITY;
          subscription = run$
            .pipe(
              finalize(() => (pendingAtTeardown = pending())), // runs right after fit's teardown
              tap((e) => {
                events.push(e);
                if (events.length === k) atStop ??= snapshot();
              }),
              take(k),
            )
            .subscribe({ error: (e) => errors.push(e) });
          if (c.stop.at === 'time') ts.schedule(stop, c.stop.t);
          if (c.pauseAt !== undefined) {
            ts.schedule(() => control$.next({ type: 'pause' }), c.pauseAt);
            ts.schedule(() => control$.next({ type: 'resume' }), c.pauseAt + 5);
          }
          ts.flush();
          if (!atStop) stop(); // the run ended before the stop came: unsubscribing is a no-op
          const s = atStop!;
          expect(errors).toEqual([]);
          expect(pendingAtTeardown).toBe(0);
          expect(pending()).toBe(0);
          expect(events.length).toBe(s.events);
          expect(optimizer.stepCount).toBe(s.steps);
          expect(control$.observed).toBe(false);
          expect(model.training).toBe(false);
          // the run's claim on the model is released: a new run may start on it
          let refused: unknown;
          fit(model, data, { loss: 'mse', optimizer, scheduler: queueScheduler })
            .subscribe({ error: (e) => (refused = e) })
            .unsubscribe();
          expect(refused).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
  });
});
