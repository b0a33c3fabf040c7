import { from } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { NonFiniteError, type TrainEvent, terminateOnNonFinite } from '../../lib/index.js';
import { epochEvent } from './helpers.js';

const marbles = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('terminateOnNonFinite', () => {
  it('passes finite events through and completes with its source', () => {
    marbles().run(({ cold, expectObservable }) => {
      const a: TrainEvent = { type: 'step', epoch: 1, step: 1, loss: 2 };
      const b = epochEvent(1, { valLoss: 1, metrics: { mae: 0.5 } });
      expectObservable(cold('ab|', { a, b }).pipe(terminateOnNonFinite())).toBe('ab|', { a, b });
    });
  });

  it('errors at the first NaN or Infinity in a loss or metric, naming it, and unsubscribes', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = epochEvent(1, { valLoss: 1 });
      const b = epochEvent(2, { valLoss: 1, valMetrics: { r2: Number.NaN } });
      const source = cold('a-b-a|', { a, b });
      expectObservable(source.pipe(terminateOnNonFinite())).toBe(
        'a-#',
        { a },
        Object.assign(
          new NonFiniteError(
            'terminateOnNonFinite: valMetrics.r2 is NaN in the epoch event of epoch 2, step 20',
          ),
          { step: 20, epoch: 2, op: null },
        ),
      );
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });

  it('the error carries the step and epoch', () => {
    let caught: (Error & { step?: number; epoch?: number }) | undefined;
    const inf: TrainEvent = { type: 'step', epoch: 3, step: 17, loss: Number.POSITIVE_INFINITY };
    from([inf])
      .pipe(terminateOnNonFinite())
      .subscribe({ error: (e) => (caught = e) });
    expect(caught?.message).toBe(
      'terminateOnNonFinite: loss is Infinity in the step event of epoch 3, step 17',
    );
    expect([caught?.step, caught?.epoch]).toEqual([17, 3]);
  });

  it('unsubscribing downstream unsubscribes its source', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = epochEvent(1);
      const source = cold('a-a-a|', { a });
      expectObservable(source.pipe(terminateOnNonFinite()), '^--!').toBe('a-a', { a });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });
});
