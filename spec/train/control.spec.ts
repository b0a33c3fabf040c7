import { BehaviorSubject, lastValueFrom, queueScheduler, Subject, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  type ControlCommand,
  type EpochEvent,
  fit,
  type TrainEvent,
  tensor,
} from '../../lib/index.js';
import { LINE_LOSSES, LINE_WEIGHTS, line, ticking, tracking } from './helpers.js';

const marbles = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const start = {
  type: 'start',
  epochs: 3,
  stepsPerEpoch: 1,
  samples: 2,
  valSamples: 0,
  epoch: 0,
  step: 0,
};
const epoch = (n: number, fields: Partial<EpochEvent> = {}) => ({
  type: 'epoch',
  epoch: n,
  step: n,
  loss: LINE_LOSSES[n - 1],
  metrics: {},
  lr: 0.1,
  elapsedMs: 0,
  ...fields,
});
/** Real time on queueScheduler: any duration. */
const anyTime: number = expect.any(Number);
const ack = (command: string, n: number, lr = 0.1) => ({
  type: 'control',
  command,
  epoch: n,
  step: n,
  lr,
});

describe('fit control$', () => {
  it('pause holds the run at a step boundary with nothing scheduled; resume continues it', () => {
    const ts = marbles();
    ts.run(({ cold, expectObservable }) => {
      const { model, data, optimizer } = line();
      const { scheduler, pending } = tracking(ticking(ts));
      const control$ = cold<ControlCommand>('---p---r', {
        p: { type: 'pause' },
        r: { type: 'resume' },
      });
      const run$ = fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 3,
        batchSize: 2,
        sliceMs: 0,
        scheduler,
        control$,
      });
      // slices at 1 (start) and 2 (epoch 1); pause at 3 before the next slice; resume at 7
      expectObservable(run$).toBe('-sap---rb(c|)', {
        s: start,
        a: epoch(1),
        p: ack('pause', 1),
        r: ack('resume', 1),
        b: epoch(2),
        c: epoch(3),
      });
      // while paused the model is consistent and usable, and no slice is waiting
      ts.schedule(() => {
        expect(pending()).toBe(0);
        expect(model.value).toBe(LINE_WEIGHTS[1]);
        expect(model.forward(tensor([[2]])).item()).toBe(2 * LINE_WEIGHTS[1]);
      }, 5);
    });
  });

  it('a paused run gives the same events and weights as an unpaused one', async () => {
    // paused after epoch 2 for 20 ms of real time, then resumed from outside
    const { model, data, optimizer } = line();
    const control$ = new Subject<ControlCommand>();
    const events: TrainEvent[] = [];
    const finished = new Promise<void>((resolve, reject) =>
      fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 4,
        batchSize: 1,
        shuffle: false,
        control$,
      }).subscribe({
        next: (e) => {
          events.push(e);
          if (e.type === 'epoch' && e.epoch === 2) {
            control$.next({ type: 'pause' });
            setTimeout(() => control$.next({ type: 'resume' }), 20);
          }
        },
        error: reject,
        complete: resolve,
      }),
    );
    await finished;
    const reference = line();
    const refEvents = await lastValueFrom(
      fit(reference.model, reference.data, {
        loss: 'mse',
        optimizer: reference.optimizer,
        epochs: 4,
        batchSize: 1,
        shuffle: false,
      }).pipe(toArray()),
    );
    const strip = (es: TrainEvent[]) =>
      es
        .filter((e) => e.type !== 'control')
        .map((e) => (e.type === 'epoch' ? { ...e, elapsedMs: 0 } : e));
    expect(
      events.filter((e) => e.type === 'control').map((e) => e.type === 'control' && e.command),
    ).toEqual(['pause', 'resume']);
    expect(strip(events)).toEqual(strip(refEvents));
    expect(model.value).toBe(reference.model.value);
  });

  it('a command sent from inside a subscriber is applied after the event, at the boundary', () => {
    const { model, data, optimizer } = line();
    const control$ = new Subject<ControlCommand>();
    const seen: string[] = [];
    fit(model, data, {
      loss: 'mse',
      optimizer,
      epochs: 3,
      batchSize: 2,
      scheduler: queueScheduler,
      control$,
    }).subscribe((e) => {
      seen.push(e.type === 'control' ? `control:${e.command}` : e.type);
      if (e.type === 'epoch' && e.epoch === 1) control$.next({ type: 'pause' });
    });
    expect(seen).toEqual(['start', 'epoch', 'control:pause']);
    expect(model.value).toBe(LINE_WEIGHTS[1]);
    control$.next({ type: 'resume' });
    expect(seen).toEqual(['start', 'epoch', 'control:pause', 'control:resume', 'epoch', 'epoch']);
    expect(model.value).toBe(LINE_WEIGHTS[3]);
  });

  it('stop completes the run at the next boundary', () => {
    const ts = marbles();
    ts.run(({ cold, expectObservable }) => {
      const { model, data, optimizer } = line();
      const control$ = cold<ControlCommand>('---x', { x: { type: 'stop' } });
      const run$ = fit(model, data, {
        loss: 'mse',
        optimizer,
        epochs: 10,
        batchSize: 2,
        sliceMs: 0,
        control$,
        scheduler: ticking(ts),
      });
      expectObservable(run$).toBe('-sa(x|)', {
        s: { ...start, epochs: 10 },
        a: epoch(1),
        x: ack('stop', 1),
      });
    });
  });

  it('setLearningRate changes the next steps (by hand: lr 0.2 takes w from 1 to 2 in one step)', () => {
    const { model, data, optimizer } = line();
    const control$ = new Subject<ControlCommand>();
    const events: TrainEvent[] = [];
    fit(model, data, {
      loss: 'mse',
      optimizer,
      epochs: 3,
      batchSize: 2,
      scheduler: queueScheduler,
      control$,
    }).subscribe((e) => {
      events.push(e);
      if (e.type === 'epoch' && e.epoch === 1) control$.next({ type: 'setLearningRate', lr: 0.2 });
    });
    // w ← w − 0.2·5(w − 2) = 2: epoch 2's loss is at w = 1 (2.5), epoch 3's at w = 2 (0)
    expect(events.slice(1)).toEqual([
      epoch(1, { elapsedMs: anyTime }),
      ack('setLearningRate', 1, 0.2),
      epoch(2, { lr: 0.2, elapsedMs: anyTime }),
      epoch(3, { lr: 0.2, loss: 0, elapsedMs: anyTime }),
    ]);
    expect(model.value).toBe(2);
  });

  it('commands sent before the run starts apply right after the start event', () => {
    const { model, data, optimizer } = line();
    const control$ = new BehaviorSubject<ControlCommand>({ type: 'pause' });
    const events: TrainEvent[] = [];
    fit(model, data, {
      loss: 'mse',
      optimizer,
      epochs: 2,
      batchSize: 2,
      scheduler: queueScheduler,
      control$,
    }).subscribe((e) => events.push(e));
    expect(events).toEqual([{ ...start, epochs: 2 }, ack('pause', 0)]);
    expect(model.value).toBe(0);
    control$.next({ type: 'resume' });
    expect(events.map((e) => e.type)).toEqual(['start', 'control', 'control', 'epoch', 'epoch']);
  });

  it('an invalid command errors the run with an ArgumentError', () => {
    const { model, data, optimizer } = line();
    const control$ = new Subject<ControlCommand>();
    let caught: Error | undefined;
    fit(model, data, { loss: 'mse', optimizer, epochs: 5, batchSize: 2, control$ }).subscribe({
      error: (e) => (caught = e),
    });
    control$.next({ type: 'setLearningRate', lr: -1 });
    expect(caught).toBeInstanceOf(ArgumentError);
    expect(caught?.message).toMatch(
      /setLearningRate needs lr, a non-negative finite number, got -1/,
    );
    control$.next({ type: 'faster' } as never);
    expect(caught?.message).toMatch(/-1/); // the first error stands; nothing after it
  });

  it('unsubscribing stops listening to control$', () => {
    const { model, data, optimizer } = line();
    const control$ = new Subject<ControlCommand>();
    const subscription = fit(model, data, { loss: 'mse', optimizer, control$ }).subscribe();
    expect(control$.observed).toBe(true);
    subscription.unsubscribe();
    expect(control$.observed).toBe(false);
  });
});
