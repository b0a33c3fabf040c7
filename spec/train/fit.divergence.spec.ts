// The divergence contract: no event carries a NaN or ±Infinity loss, validation loss or metric;
// the run ends with one NonFiniteError naming the step, the epoch and, where it can, the op;
// the model keeps the weights of the last completed step.
import fc from 'fast-check';
import { from, lastValueFrom, queueScheduler, takeWhile, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  adam,
  adamw,
  Dataset,
  type EpochEvent,
  type FitOptions,
  fit,
  mlp,
  NonFiniteError,
  type Optimizer,
  rmsprop,
  sgd,
  type Tensor,
  type TrainEvent,
  tensor,
  trainOn,
} from '../../lib/index.js';
import { PlainSgd, Scale } from './helpers.js';

type Failure = NonFiniteError & { step: number; epoch: number; op: string | null };

/** Runs `run$` synchronously (queueScheduler): its events and its error. */
function outcome(run$: ReturnType<typeof fit>): { events: TrainEvent[]; error?: Failure } {
  const events: TrainEvent[] = [];
  let error: Failure | undefined;
  run$.subscribe({ next: (e) => events.push(e), error: (e) => (error = e) });
  return { events, error };
}

/** The numbers of an event that must be finite. */
function numbers(e: TrainEvent): number[] {
  if (e.type === 'step') return [e.loss];
  if (e.type !== 'epoch') return [];
  return [
    e.loss,
    e.valLoss ?? 0,
    ...Object.values(e.metrics),
    ...Object.values(e.valMetrics ?? {}),
  ];
}

const weights = (m: { parameters(): Tensor[] }) => m.parameters().map((p) => [...p.data]);

/** 2 features, a smooth target: a regression any learning rate up to ~1 fits. */
function wave(n = 24): Dataset {
  const xs = Array.from({ length: n }, (_, i) => [Math.sin(i * 1.7), Math.cos(i * 2.3)]);
  return new Dataset(tensor(xs), tensor(xs.map(([a, b]) => [a * b + a])));
}

const OPTIMIZERS: Record<string, (p: Tensor[], lr: number) => Optimizer> = {
  sgd: (p, lr) => sgd(p, { lr }),
  adam: (p, lr) => adam(p, { lr }),
  adamw: (p, lr) => adamw(p, { lr }),
  rmsprop: (p, lr) => rmsprop(p, { lr }),
};

/** A seeded run with `optimizer` at `lr`, validation and metrics, a step event per step. */
function setup(optimizer: string, lr: number) {
  const model = mlp([2, 6, 1], { seed: 4 });
  const options: FitOptions = {
    loss: 'mse',
    optimizer: OPTIMIZERS[optimizer](model.parameters(), lr),
    epochs: 3,
    batchSize: 6,
    validation: 0.25,
    metrics: ['mae', 'r2'],
    emit: 'step',
    scheduler: queueScheduler,
  };
  return { model, options };
}

describe('fit on a diverging run', () => {
  it('no non-finite number reaches a subscriber; one NonFiniteError; the weights of the last completed step (property)', () => {
    let diverged = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(OPTIMIZERS)),
        fc.integer({ min: 0, max: 3080 }), // lr from 1 to 1e308, uniform in its exponent
        (optimizer, tenths) => {
          const lr = 10 ** (tenths / 10);
          const { model, options } = setup(optimizer, lr);
          const { events, error } = outcome(fit(model, wave(), options));
          for (const e of events) expect(numbers(e).every(Number.isFinite)).toBe(true);
          const steps = events.filter((e) => e.type === 'step');
          const completed = steps.at(-1)?.step ?? 0;
          if (error === undefined) {
            expect(events.at(-1)).toMatchObject({ type: 'epoch', epoch: 3 });
            return;
          }
          diverged++;
          expect(error).toBeInstanceOf(NonFiniteError);
          expect(Number.isInteger(error.step) && error.step >= 1).toBe(true);
          expect(error.epoch).toBe(Math.ceil(error.step / 3)); // 18 training samples: 3 steps per epoch
          expect(error.message).toContain(`step ${error.step} (epoch ${error.epoch})`);
          // the failing step is the one after the last step event, or (at an epoch's end) that step
          expect([completed, completed + 1]).toContain(error.step);
          // the model holds exactly the weights of a run stopped after the last completed step
          const reference = setup(optimizer, lr);
          const stop = (e: TrainEvent) =>
            completed > 0 && !(e.type === 'step' && e.step === completed);
          outcome(fit(reference.model, wave(), reference.options).pipe(takeWhile(stop, true)));
          expect(weights(model)).toEqual(weights(reference.model));
          expect(weights(model).flat().every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
    // the property saw many failing runs, not only good ones (about 85 of 120; fast-check's
    // integers lean to small exponents)
    expect(diverged).toBeGreaterThan(50);
  });

  it('adam with lr 1e308: NonFiniteError at step 1, and the model keeps its initial weights', () => {
    const { model, options } = setup('adam', 1e308);
    const initial = weights(model);
    const { events, error } = outcome(fit(model, wave(), options));
    expect(events.map((e) => e.type)).toEqual(['start']);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect([error?.step, error?.epoch, error?.op]).toEqual([1, 1, null]);
    expect(error?.message).toMatch(
      /^fit: parameter 'layers\.\d\.(weight|bias)' became -?Infinity \(flat index \d+\) in the update of step 1 \(epoch 1\), which was undone/,
    );
    expect(weights(model)).toEqual(initial);
  });

  // y = x·w from w = 0 on x = 1e200, y = 1, lr 1e100: the loss of step 1 is 1, its update takes
  // w to 2e300 (finite), and the predictions after it, 1e200 · 2e300, overflow.
  const overflow = () => {
    const model = new Scale(0);
    const data = new Dataset(tensor([[1e200]]), tensor([[1]]));
    return { model, data, optimizer: new PlainSgd(model.parameters(), 1e100) };
  };

  it("metrics: ['mae'] on predictions that overflow ends with the trainer's NonFiniteError, naming the op", () => {
    const { model, data, optimizer } = overflow();
    const { events, error } = outcome(
      fit(model, data, { loss: 'mse', optimizer, metrics: ['mae'], scheduler: queueScheduler }),
    );
    expect(events.map((e) => e.type)).toEqual(['start']);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect(error?.message).toBe(
      "fit: the predictions hold Infinity on the training set after step 1 (epoch 1); the first non-finite value came from op 'matmul' (output [1,1]: Infinity at flat index 0)",
    );
    expect([error?.step, error?.epoch, error?.op]).toEqual([1, 1, 'matmul']);
    expect(model.value).toBe(2e300); // the weights of step 1, the last completed step
  });

  it('a validation loss that overflows ends the run before its epoch event, naming the op', () => {
    const { model, optimizer } = overflow();
    optimizer.lr = 0.25; // w: 0 → 0.5 on x = 1, y = 1
    const train = new Dataset(tensor([[1]]), tensor([[1]]));
    const validation = new Dataset(tensor([[1e300]]), tensor([[0]]));
    const { events, error } = outcome(
      fit(model, train, { loss: 'mse', optimizer, validation, scheduler: queueScheduler }),
    );
    expect(events.map((e) => e.type)).toEqual(['start']);
    expect(error?.message).toMatch(
      /^fit: the loss is Infinity on the validation set after step 1 \(epoch 1\); the first non-finite value came from op '\w+'/,
    );
    expect(error?.op).not.toBeNull();
    expect(model.value).toBe(0.5);
  });

  it('a metric that is not finite on finite predictions (r2 of huge ones) ends the run', () => {
    const model = new Scale(1e200);
    const data = new Dataset(tensor([[1], [2]]), tensor([[1], [3]]));
    const { events, error } = outcome(
      fit(model, data, {
        loss: (p) => p.sum().mul(0), // a loss of 0: the weight stays 1e200
        optimizer: new PlainSgd(model.parameters(), 0.1),
        metrics: ['r2'],
        scheduler: queueScheduler,
      }),
    );
    expect(events.map((e) => e.type)).toEqual(['start']);
    expect(error?.message).toBe(
      "fit: metric 'r2' is -Infinity on the training set after step 1 (epoch 1)",
    );
    expect([error?.step, error?.epoch, error?.op]).toEqual([1, 1, null]);
  });

  it('an epoch mean loss that overflows although every step loss is finite ends the run', () => {
    // two batches, each with a loss of 1e308: finite, but their sum is not
    const model = new Scale(0);
    const data = new Dataset(tensor([[1], [1]]), tensor([[1e154], [1e154]]));
    const { events, error } = outcome(
      fit(model, data, {
        loss: 'mse',
        optimizer: new PlainSgd(model.parameters(), 0),
        batchSize: 1,
        shuffle: false,
        emit: 'step',
        scheduler: queueScheduler,
      }),
    );
    expect(events.map((e) => e.type)).toEqual(['start', 'step', 'step']);
    expect(error?.message).toBe(
      'fit: the mean loss of epoch 1 is Infinity: the sum of its finite step losses overflowed',
    );
    expect([error?.step, error?.epoch]).toEqual([2, 1]);
  });
});

describe('trainOn on a diverging stream', () => {
  it('ends with NonFiniteError and keeps the weights of the last completed step', () => {
    const model = new Scale(0);
    const batch = { x: tensor([[1], [2]]), y: tensor([[2], [4]]) };
    const seen: number[] = [];
    let error: Failure | undefined;
    from(Array(40).fill(batch))
      .pipe(trainOn(model, { loss: 'mse', optimizer: adam(model.parameters(), { lr: 1e308 }) }))
      .subscribe({ next: (e) => seen.push(e.step), error: (e) => (error = e) });
    expect(error).toBeInstanceOf(NonFiniteError);
    expect(error?.step).toBe(seen.length + 1);
    expect(Number.isFinite(model.value)).toBe(true);
  });
});

describe('an epoch event is never half-finite', () => {
  it('the first epoch event of a finite run carries finite numbers only', async () => {
    const { model, options } = setup('sgd', 0.05);
    const events = await lastValueFrom(fit(model, wave(), options).pipe(toArray()));
    const epochs = events.filter((e): e is EpochEvent => e.type === 'epoch');
    expect(epochs).toHaveLength(3);
    expect(epochs.flatMap(numbers).every(Number.isFinite)).toBe(true);
  });
});
