import { from, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { smoothLoss, type TrainEvent } from '../../lib/index.js';
import { epochEvent, errorOf } from './helpers.js';

const marbles = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const step = (n: number, loss: number): TrainEvent => ({ type: 'step', epoch: 1, step: n, loss });

describe('smoothLoss', () => {
  it('adds an exponential moving average of the step losses (by hand, alpha 0.5)', () => {
    marbles().run(({ cold, expectObservable }) => {
      const e = epochEvent(1);
      // s = 4, then 0.5·2 + 0.5·4 = 3, then 0.5·1 + 0.5·3 = 2; the epoch event passes unchanged
      expectObservable(
        cold('ab-c-e|', { a: step(1, 4), b: step(2, 2), c: step(3, 1), e }).pipe(smoothLoss(0.5)),
      ).toBe('ab-c-e|', {
        a: { ...step(1, 4), smoothLoss: 4 },
        b: { ...step(2, 2), smoothLoss: 3 },
        c: { ...step(3, 1), smoothLoss: 2 },
        e,
      });
    });
  });

  it("smooths epoch losses with { on: 'epoch' }; alpha 1 is no smoothing", () => {
    marbles().run(({ cold, expectObservable }) => {
      const a = epochEvent(1, { loss: 8 });
      const b = epochEvent(2, { loss: 4 });
      expectObservable(cold('ab|', { a, b }).pipe(smoothLoss(0.25, { on: 'epoch' }))).toBe('ab|', {
        a: { ...a, smoothLoss: 8 },
        b: { ...b, smoothLoss: 7 }, // 0.25·4 + 0.75·8
      });
      expectObservable(cold('ab|', { a: step(1, 4), b: step(2, 2) }).pipe(smoothLoss(1))).toBe(
        'ab|',
        {
          a: { ...step(1, 4), smoothLoss: 4 },
          b: { ...step(2, 2), smoothLoss: 2 },
        },
      );
    });
  });

  it('each subscription starts its own average', () => {
    const source = [step(1, 4), step(2, 2)];
    const out: TrainEvent[] = [];
    const op = smoothLoss(0.5);
    const smoothed$ = from(source).pipe(op);
    smoothed$.subscribe((e) => out.push(e));
    smoothed$.subscribe((e) => out.push(e));
    expect(out.map((e) => (e.type === 'step' ? e.smoothLoss : null))).toEqual([4, 3, 4, 3]);
  });

  it('reports a bad alpha or option as an ArgumentError notification on subscription', () => {
    const message = (...args: Parameters<typeof smoothLoss>) =>
      errorOf(of<TrainEvent>().pipe(smoothLoss(...args)))?.message;
    expect(() => smoothLoss(0)).not.toThrow();
    expect(message(0)).toMatch(/^smoothLoss: alpha must be in \(0, 1\], got 0/);
    expect(message(1.5)).toMatch(/alpha must be in \(0, 1\]/);
    expect(message(0.5, { on: 'batch' as never })).toMatch(/on must be 'step' or 'epoch'/);
  });

  it('passes errors on, and unsubscribing downstream unsubscribes its source', () => {
    marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
      const failure = new Error('boom');
      expectObservable(cold('a#', { a: step(1, 4) }, failure).pipe(smoothLoss(0.5))).toBe(
        'a#',
        { a: { ...step(1, 4), smoothLoss: 4 } },
        failure,
      );
      const source = cold('ab|', { a: step(1, 4), b: step(2, 2) });
      expectObservable(source.pipe(smoothLoss(0.5)), '^!').toBe('a', {
        a: { ...step(1, 4), smoothLoss: 4 },
      });
      expectSubscriptions(source.subscriptions).toBe('^!');
    });
  });
});
