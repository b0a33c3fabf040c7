import { from, Subject, tap } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  type ControlCommand,
  type ControlEvent,
  checkpoint,
  NonFiniteError,
  ShapeError,
  type Snapshot,
  type StepEvent,
  type Tensor,
  type TrainEvent,
  tensor,
  trainOn,
} from '../../lib/index.js';
import { errorOf, LINE_LOSSES, LINE_WEIGHTS, PlainSgd, Scale } from './helpers.js';

const marbles = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const batch = { x: tensor([[1], [2]]), y: tensor([[2], [4]]) };
const step = (n: number): StepEvent => ({
  type: 'step',
  epoch: 0,
  step: n,
  loss: LINE_LOSSES[n - 1],
});

describe('trainOn', () => {
  it('trains on each batch as it arrives and emits one step event per batch', () => {
    marbles().run(({ cold, expectObservable, flush }) => {
      const model = new Scale(0);
      const source = cold('-a--a-a|', { a: batch });
      expectObservable(
        source.pipe(
          trainOn(model, { loss: 'mse', optimizer: new PlainSgd(model.parameters(), 0.1) }),
        ),
      ).toBe('-1--2-3|', { 1: step(1), 2: step(2), 3: step(3) });
      flush();
      expect(model.value).toBe(LINE_WEIGHTS[3]);
    });
  });

  it('errors with a ShapeError naming the step on a bad batch, and unsubscribes its source', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const model = new Scale(0);
      const bad = { x: tensor([[1, 2]]), y: tensor([[1]]) };
      const source = cold('a-b-a|', { a: batch, b: bad });
      expectObservable(
        source.pipe(
          trainOn(model, { loss: 'mse', optimizer: new PlainSgd(model.parameters(), 0.1) }),
        ),
      ).toBe('1-#', { 1: step(1) }, expect.any(ShapeError));
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
    const model = new Scale(0);
    let caught: Error | undefined;
    from([{ x: tensor([[1, 2]]), y: tensor([[1]]) }])
      .pipe(trainOn(model, { loss: 'mse', optimizer: new PlainSgd(model.parameters(), 0.1) }))
      .subscribe({ error: (e) => (caught = e) });
    expect(caught?.message).toMatch(/^trainOn: at step 1: matmul/);
  });

  it('rejects batches with NaN and non-batches, and a non-finite loss names the step', () => {
    const run = (batches: unknown[], lr = 0.1) => {
      const model = new Scale(0);
      const events: TrainEvent[] = [];
      let caught: (Error & { step?: number }) | undefined;
      from(batches as { x: Tensor; y: Tensor }[])
        .pipe(trainOn(model, { loss: 'mse', optimizer: new PlainSgd(model.parameters(), lr) }))
        .subscribe({ next: (e) => events.push(e), error: (e) => (caught = e) });
      return { events, caught };
    };
    expect(run([{ x: tensor([[Number.NaN]]), y: tensor([[1]]) }]).caught).toBeInstanceOf(
      NonFiniteError,
    );
    expect(run([{ x: [1], y: [2] }]).caught).toBeInstanceOf(ArgumentError);
    const blowUp = run(Array(50).fill(batch), 1e10);
    expect(blowUp.caught).toBeInstanceOf(NonFiniteError);
    expect(blowUp.caught?.step).toBe(blowUp.events.length + 1);
    expect(blowUp.caught?.message).toContain(`step ${blowUp.caught?.step}`);
  });

  it('stop through control$ completes the stream after the event being delivered', () => {
    const model = new Scale(0);
    const source = new Subject<{ x: Tensor; y: Tensor }>();
    const control$ = new Subject<ControlCommand>();
    const seen: string[] = [];
    let completed = false;
    source
      .pipe(
        trainOn(model, { loss: 'mse', optimizer: new PlainSgd(model.parameters(), 0.1), control$ }),
        tap((e) => e.type === 'step' && e.step === 2 && control$.next({ type: 'stop' })),
      )
      .subscribe({
        next: (e) => seen.push(e.type === 'control' ? `${e.command} ${e.step}` : `step ${e.step}`),
        complete: () => (completed = true),
      });
    source.next(batch);
    source.next(batch);
    expect(seen).toEqual(['step 1', 'step 2', 'stop 2']);
    expect(completed).toBe(true);
    expect(source.observed).toBe(false);
    expect(control$.observed).toBe(false);
  });

  it('honours pause: batches wait, the model keeps its weights, and resume trains them in order', () => {
    marbles().run(({ cold, hot, expectObservable, flush }) => {
      const model = new Scale(0);
      const control$ = hot<ControlCommand>('-p----r', {
        p: { type: 'pause' },
        r: { type: 'resume' },
      });
      const source = cold('a-a-a-------a|', { a: batch });
      const ack = (command: 'pause' | 'resume', step: number): ControlEvent => ({
        type: 'control',
        command,
        epoch: 0,
        step,
        lr: 0.1,
      });
      expectObservable(
        source.pipe(
          trainOn(model, {
            loss: 'mse',
            optimizer: new PlainSgd(model.parameters(), 0.1),
            control$,
          }),
        ),
      ).toBe('1p----(r23)-4|', {
        1: step(1),
        p: ack('pause', 1),
        r: ack('resume', 1),
        2: step(2),
        3: step(3),
        4: step(4),
      });
      // while paused (frames 1–5), the two batches that arrived wait: the weights stay those of step 1
      cold('----x').subscribe(() => expect(model.value).toBe(LINE_WEIGHTS[1]));
      flush();
      expect(model.value).toBe(LINE_WEIGHTS[4]);
    });
  });

  it('checkpoint works on it (snapshots of online training have no epoch position)', () => {
    const model = new Scale(0);
    const control$ = new Subject<ControlCommand>();
    const snapshots: Snapshot[] = [];
    from([batch, batch])
      .pipe(
        trainOn(model, { loss: 'mse', optimizer: new PlainSgd(model.parameters(), 0.1), control$ }),
        checkpoint({ control$, unit: 'step', sink: (s) => snapshots.push(s) }),
      )
      .subscribe();
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1]).toMatchObject({
      step: 2,
      epoch: 0,
      position: null,
      weights: { w: { shape: [1, 1] } },
    });
    expect(snapshots[1].weights.w.data[0]).toBe(LINE_WEIGHTS[2]);
  });

  it('a model is trained by one subscription at a time; bad options are ArgumentError notifications', () => {
    const model = new Scale(0);
    const op = trainOn(model, { loss: 'mse', optimizer: new PlainSgd(model.parameters(), 0.1) });
    const first = new Subject<{ x: Tensor; y: Tensor }>();
    first.pipe(op).subscribe();
    let caught: Error | undefined;
    from([batch])
      .pipe(op)
      .subscribe({ error: (e) => (caught = e) });
    expect(caught?.message).toMatch(/trainOn: this model is already being trained/);
    first.complete();
    let steps = 0;
    from([batch])
      .pipe(op)
      .subscribe(() => steps++);
    expect(steps).toBe(1);
    const bad = trainOn(model, { loss: 'hinge' as never, optimizer: new PlainSgd([], 1) });
    expect(errorOf(from([batch]).pipe(bad))?.message).toMatch(/^trainOn: loss must be/);
    const noOptimizer = trainOn(model, { loss: 'mse', optimizer: {} as never });
    expect(errorOf(from([batch]).pipe(noOptimizer))?.message).toMatch(
      /optimizer must be an Optimizer/,
    );
  });

  it('unsubscribing unsubscribes its source and releases the model', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions, flush }) => {
      const model = new Scale(0);
      const op = trainOn(model, { loss: 'mse', optimizer: new PlainSgd(model.parameters(), 0.1) });
      const source = cold('a-a-a|', { a: batch });
      expectObservable(source.pipe(op), '^--!').toBe('1-2', { 1: step(1), 2: step(2) });
      expectSubscriptions(source.subscriptions).toBe('^--!');
      flush();
      expect(model.value).toBe(LINE_WEIGHTS[2]);
      let steps = 0;
      from([batch])
        .pipe(op)
        .subscribe(() => steps++); // the model is free again
      expect(steps).toBe(1);
    });
  });
});
