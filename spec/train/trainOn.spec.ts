import { from, queueScheduler, Subject, tap } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  checkpoint,
  NonFiniteError,
  runOf,
  ShapeError,
  type StepEvent,
  type Tensor,
  type TrainEvent,
  tensor,
  trainOn,
} from '../../lib/index.js';
import { LINE_LOSSES, LINE_WEIGHTS, PlainSgd, Scale } from './helpers.js';

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

  it('the run handle can stop it: the stream completes at once', () => {
    const model = new Scale(0);
    const source = new Subject<{ x: Tensor; y: Tensor }>();
    const seen: number[] = [];
    let completed = false;
    source
      .pipe(
        trainOn(model, { loss: 'mse', optimizer: new PlainSgd(model.parameters(), 0.1) }),
        tap((e) => e.step === 2 && runOf(e)?.stop()),
      )
      .subscribe({ next: (e) => seen.push(e.step), complete: () => (completed = true) });
    source.next(batch);
    source.next(batch);
    expect(completed).toBe(true);
    expect(source.observed).toBe(false);
    expect(seen).toEqual([1, 2]);
  });

  it('checkpoint works on it (snapshots of online training have no epoch position)', () => {
    const model = new Scale(0);
    const snapshots: unknown[] = [];
    from([batch, batch])
      .pipe(
        trainOn(model, { loss: 'mse', optimizer: new PlainSgd(model.parameters(), 0.1) }),
        checkpoint({ unit: 'step', sink: (s) => snapshots.push(s) }),
      )
      .subscribe();
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1]).toMatchObject({
      step: 2,
      epoch: 0,
      position: null,
      weights: { w: { shape: [1, 1] } },
    });
    expect(queueScheduler).toBeDefined();
  });

  it('a model is trained by one subscription at a time; options are checked', () => {
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
    expect(() =>
      trainOn(model, { loss: 'hinge' as never, optimizer: new PlainSgd([], 1) }),
    ).toThrow(/loss must be/);
    expect(() => trainOn(model, { loss: 'mse', optimizer: {} as never })).toThrow(
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
