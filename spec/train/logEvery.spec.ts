import { from, lastValueFrom, of, queueScheduler, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { fit, logEvery, type TrainEvent } from '../../lib/index.js';
import { epochEvent, errorOf, line } from './helpers.js';

describe('logEvery', () => {
  it('logs every n-th epoch and the last one, and passes every event through unchanged', async () => {
    const lines: string[] = [];
    const { model, data, optimizer } = line();
    const run$ = fit(model, data, {
      loss: 'mse',
      optimizer,
      epochs: 5,
      batchSize: 2,
      scheduler: queueScheduler,
    });
    const events = await lastValueFrom(
      run$.pipe(logEvery(2, { log: (l) => lines.push(l) }), toArray()),
    );
    expect(events.map((e) => e.type)).toEqual([
      'start',
      'epoch',
      'epoch',
      'epoch',
      'epoch',
      'epoch',
    ]);
    expect(lines.map((l) => l.replace(/\d+ ms$/, 'T ms'))).toEqual([
      'epoch 2/5  loss 2.5  lr 0.1  T ms',
      'epoch 4/5  loss 0.15625  lr 0.1  T ms',
      'epoch 5/5  loss 0.039063  lr 0.1  T ms', // 0.0390625 to 5 digits, ties up (ECMAScript toPrecision)
    ]);
  });

  it('logs steps with { on: step }, and always earlyStop and learningRate events', () => {
    const lines: string[] = [];
    const events: TrainEvent[] = [
      { type: 'step', epoch: 1, step: 1, loss: 3 },
      { type: 'step', epoch: 1, step: 2, loss: 2 },
      epochEvent(1, { step: 2 }),
      { type: 'learningRate', epoch: 1, step: 2, lr: 0.05, previous: 0.1, monitor: 'loss' },
      {
        type: 'earlyStop',
        epoch: 1,
        step: 2,
        monitor: 'loss',
        best: 1,
        bestEpoch: 1,
        restored: false,
      },
    ];
    from(events)
      .pipe(logEvery(2, { on: 'step', log: (l) => lines.push(l) }))
      .subscribe();
    expect(lines).toEqual([
      'epoch 1  step 2  loss 2',
      'epoch 1: learning rate 0.1 → 0.05',
      'early stop at epoch 1: best loss 1 at epoch 1',
    ]);
  });

  it('reports a bad n or option as an ArgumentError notification on subscription', () => {
    expect(() => logEvery(0)).not.toThrow();
    expect(errorOf(of<TrainEvent>().pipe(logEvery(0)))?.message).toMatch(
      /^logEvery: n must be a positive integer, got 0/,
    );
    expect(errorOf(of<TrainEvent>().pipe(logEvery(1, { on: 'run' as never })))?.message).toMatch(
      /on must be 'epoch' or 'step'/,
    );
  });

  it('marbles: the stream is unchanged, errors pass, unsubscribing unsubscribes its source', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(
      ({ cold, expectObservable, expectSubscriptions }) => {
        const lines: string[] = [];
        const [a, b, c] = [1, 2, 3].map((n) => epochEvent(n));
        const failure = new Error('boom');
        const source = cold('a-b-c|', { a, b, c });
        const log = (l: string) => lines.push(l);
        expectObservable(source.pipe(logEvery(2, { log })), '^---!').toBe('a-b-', { a, b });
        expectSubscriptions(source.subscriptions).toBe('^---!');
        expectObservable(cold('a#', { a }, failure).pipe(logEvery(1, { log }))).toBe(
          'a#',
          { a },
          failure,
        );
      },
    );
  });
});
