import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  DTypeError,
  deserializeError,
  FormatError,
  GradError,
  NonFiniteError,
  RxgradError,
  ShapeError,
  serializeError,
  WorkerError,
} from '../../lib/index.js';
import { errorFromCrash } from '../../lib/worker/serializeError.js';

/** structuredClone is what postMessage does to a message. */
const roundTrip = (e: unknown) => deserializeError(structuredClone(serializeError(e)));

describe('serializeError / deserializeError', () => {
  it.each([
    ShapeError,
    DTypeError,
    ArgumentError,
    NonFiniteError,
    GradError,
    FormatError,
    RxgradError,
    WorkerError,
    TypeError,
    RangeError,
  ])('%o keeps its class, name, message and stack across postMessage', (Class) => {
    const original = new Class('matmul: inner dimensions must agree, got [2,3] @ [4,5]');
    const back = roundTrip(original);
    expect(back).toBeInstanceOf(Class);
    expect(back.constructor).toBe(Class);
    expect(back.name).toBe(original.name);
    expect(back.message).toBe(original.message);
    expect(back.stack).toBe(original.stack);
  });

  it('keeps plain-data own properties (a step number) and drops the rest', () => {
    const e = Object.assign(new NonFiniteError('fit: loss is NaN at step 12'), {
      step: 12,
      op: 'log',
      tensor: { data: new Float64Array(2) },
    });
    const back = roundTrip(e) as NonFiniteError & { step?: number; op?: string; tensor?: unknown };
    expect(back).toBeInstanceOf(NonFiniteError);
    expect(back.step).toBe(12);
    expect(back.op).toBe('log');
    expect(back.tensor).toBeUndefined();
  });

  it('an unknown error class becomes an Error that keeps the name', () => {
    class DatabaseError extends Error {
      override name = 'DatabaseError';
    }
    const back = roundTrip(new DatabaseError('gone'));
    expect(back.constructor).toBe(Error);
    expect(back.name).toBe('DatabaseError');
    expect(back.message).toBe('gone');
  });

  it('a thrown non-Error value becomes an Error that says what was thrown', () => {
    const back = roundTrip('oops');
    expect(back.message).toBe('a non-Error value was thrown: oops');
  });
});

describe('errorFromCrash', () => {
  it("parses Chromium's 'Uncaught NAME: message' into the named class", () => {
    const e = errorFromCrash({ message: 'Uncaught NonFiniteError: loss is Infinity at step 3' });
    expect(e).toBeInstanceOf(NonFiniteError);
    expect(e.message).toBe('loss is Infinity at step 3');
  });

  it('uses the thrown value when the platform passes it (Node)', () => {
    const e = errorFromCrash({ error: new ShapeError('bad'), message: 'ignored' });
    expect(e).toBeInstanceOf(ShapeError);
    expect(e.message).toBe('bad');
  });

  it('rebuilds an error-like object (a Node error cloned across threads)', () => {
    const e = errorFromCrash({ error: { name: 'DTypeError', message: 'cast: unknown dtype' } });
    expect(e).toBeInstanceOf(DTypeError);
  });

  it('anything else is a WorkerError quoting the message', () => {
    const e = errorFromCrash({ message: 'Script error.' });
    expect(e).toBeInstanceOf(WorkerError);
    expect(e.message).toBe('fitInWorker: the worker crashed: Script error.');
    expect(errorFromCrash({}).message).toBe(
      'fitInWorker: the worker crashed: the worker crashed without a message',
    );
  });
});
