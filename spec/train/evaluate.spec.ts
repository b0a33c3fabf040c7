import { describe, expect, it } from 'vitest';
import { ArgumentError, Dataset, Dropout, evaluate, type Tensor, tensor } from '../../lib/index.js';
import { Scale } from './helpers.js';

const data = new Dataset(tensor([[1], [2], [3], [4]]), tensor([[1], [3], [3], [5]]));

describe('evaluate', () => {
  it('computes metrics and the loss over all samples (by hand)', () => {
    // w = 1: predictions 1, 2, 3, 4 against 1, 3, 3, 5: errors 0, −1, 0, −1
    const r = evaluate(new Scale(1), data, ['mae', 'rmse'], { loss: 'sse' });
    expect(r).toEqual({ loss: 2, metrics: { mae: 0.5, rmse: Math.sqrt(0.5) }, samples: 4 });
  });

  it('takes metrics as a record of names and functions, and gives the same values in any chunk size', () => {
    const maxError = (p: Tensor, t: Tensor) =>
      Math.max(...Array.from(p.data, (v, i) => Math.abs(v - t.data[i])));
    const whole = evaluate(new Scale(1), data, { err: maxError, m: 'mae' });
    expect(whole.metrics).toEqual({ err: 1, m: 0.5 });
    expect(evaluate(new Scale(1), data, { err: maxError, m: 'mae' }, { batchSize: 1 })).toEqual(
      whole,
    );
    expect(evaluate(new Scale(1), data, { err: maxError, m: 'mae' }, { batchSize: 3 })).toEqual(
      whole,
    );
  });

  it('runs in eval mode without gradients, and restores the mode', () => {
    const model = new Scale(1);
    const drop = new Dropout(0.9, { seed: 1 });
    let modeSeen: boolean | undefined;
    const probe = (p: Tensor) => {
      modeSeen = drop.training;
      return p.requiresGrad ? 1 : 0;
    };
    const net = Object.assign(model, { drop });
    expect(evaluate(net, data, { grads: probe }).metrics.grads).toBe(0);
    expect(modeSeen).toBe(false);
    expect(net.training).toBe(true);
    expect(drop.training).toBe(true);
    net.eval();
    evaluate(net, data, ['mae']);
    expect(net.training).toBe(false);
  });

  it('checks its arguments', () => {
    expect(() => evaluate({} as never, data)).toThrow(/model must be a Module/);
    expect(() => evaluate(new Scale(1), [] as never)).toThrow(/data must be a Dataset/);
    expect(() => evaluate(new Scale(1), data, ['auc' as never])).toThrow(
      /a metric must be a function/,
    );
    expect(() => evaluate(new Scale(1), data, [() => 1])).toThrow(
      /metric 0 is an anonymous function/,
    );
    expect(() => evaluate(new Scale(1), data, ['mae', 'mae'])).toThrow(
      /metric 'mae' is listed twice/,
    );
    expect(() => evaluate(new Scale(1), data, { v: () => tensor([1, 2]) })).toThrow(
      /metric 'v' must return a number or a one-element tensor, got a tensor of 2 elements/,
    );
    expect(() => evaluate(new Scale(1), data, [], { batchSize: 0 })).toThrow(ArgumentError);
  });
});
