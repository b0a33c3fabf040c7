import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  adam,
  adamw,
  cosineDecay,
  mean,
  mlp,
  type Optimizer,
  type OptimizerState,
  randn,
  rmsprop,
  type Schedule,
  type Sequential,
  ShapeError,
  sgd,
  sub,
  type Tensor,
  tensor,
  warmup,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

type Make = (params: Tensor[]) => Optimizer;
const x = randn([16, 3], { seed: 1 });
const y = randn([16, 2], { seed: 2 });

function trainSteps(net: Sequential, opt: Optimizer, steps: number): void {
  for (let i = 0; i < steps; i++) {
    const d = sub(net.forward(x), y);
    const loss = mean(d.mul(d));
    opt.zeroGrad();
    loss.backward();
    opt.step();
  }
}

const values = (net: Sequential) => net.parameters().map((p) => Array.from(p.data));

describe('state()/loadState(): exact resume', () => {
  const cosine = warmup(cosineDecay(0.05, { steps: 20 }), { steps: 3 });
  const cases: [string, Make, 'float64' | 'float32'][] = [
    [
      'sgd with Nesterov momentum',
      (p) => sgd(p, { lr: 0.05, momentum: 0.9, nesterov: true }),
      'float64',
    ],
    ['sgd with a schedule', (p) => sgd(p, { lr: cosine, momentum: 0.5 }), 'float64'],
    ['adam with amsgrad', (p) => adam(p, { lr: 0.01, amsgrad: true }), 'float64'],
    ['adamw, float32', (p) => adamw(p, { lr: 0.01, weightDecay: 0.1 }), 'float32'],
    [
      'rmsprop centered with momentum',
      (p) => rmsprop(p, { lr: 0.01, centered: true, momentum: 0.9 }),
      'float64',
    ],
  ];
  for (const [name, make, dtype] of cases) {
    it(`${name}: 6 + 6 steps through a JSON round trip equal 12 uninterrupted steps, bit for bit`, () => {
      const whole = mlp([3, 5, 2], { seed: 7, dtype });
      const wholeOpt = make(whole.parameters());
      trainSteps(whole, wholeOpt, 12);

      const first = mlp([3, 5, 2], { seed: 7, dtype });
      const firstOpt = make(first.parameters());
      trainSteps(first, firstOpt, 6);
      const saved = JSON.parse(JSON.stringify({ weights: values(first), opt: firstOpt.state() }));

      const resumed = mlp([3, 5, 2], { seed: 99, dtype }); // different weights until loaded
      resumed.parameters().forEach((p, i) => {
        p.data.set(saved.weights[i]);
      });
      const resumedOpt = make(resumed.parameters());
      resumedOpt.loadState(saved.opt as OptimizerState);
      expect(resumedOpt.stepCount).toBe(6);
      trainSteps(resumed, resumedOpt, 6);

      expect(values(resumed)).toEqual(values(whole));
      expect(resumedOpt.state()).toEqual(wholeOpt.state());
      expect(values(resumed)).not.toEqual(saved.weights); // it did train on
    });
  }

  it('state() is plain data: numbers, strings and arrays only', () => {
    const params = [tensor([1, 2], { requiresGrad: true })];
    const opt = adam(params);
    params[0].grad = tensor([0.1, 0.2]);
    opt.step();
    const s = opt.state();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s).toEqual({
      name: 'adam',
      step: 1,
      lr: 1e-3,
      buffers: {
        step: [[1]],
        expAvg: [[(1 - 0.9) * 0.1, (1 - 0.9) * 0.2]],
        expAvgSq: [[(1 - 0.999) * 0.1 * 0.1, (1 - 0.999) * 0.2 * 0.2]],
      },
    });
  });
});

describe('loadState validation', () => {
  const make = () => {
    const params = [tensor([1, 2, 3], { requiresGrad: true }), tensor([4], { requiresGrad: true })];
    const opt = sgd(params, { lr: 0.1, momentum: 0.9 });
    params.forEach((p) => {
      p.grad = tensor(new Array(p.size).fill(1));
    });
    opt.step();
    return opt;
  };
  const good = () => make().state();
  const cases: [string, (s: OptimizerState) => unknown, string | RegExp][] = [
    [
      'another optimiser',
      (s) => ({ ...s, name: 'adam' }),
      "sgd.loadState: the state is of optimiser 'adam', expected 'sgd'",
    ],
    [
      'a bad step',
      (s) => ({ ...s, step: -1 }),
      'sgd.loadState: step must be a non-negative integer, got -1',
    ],
    [
      'a bad lr',
      (s) => ({ ...s, lr: Number.NaN }),
      'sgd.loadState: lr must be a non-negative finite number, got NaN',
    ],
    [
      'a missing buffer',
      (s) => ({ ...s, buffers: {} }),
      "sgd.loadState: missing buffer 'momentum'",
    ],
    [
      'an unexpected buffer',
      (s) => ({ ...s, buffers: { ...s.buffers, expAvg: [[], []] } }),
      /sgd\.loadState: unexpected buffer 'expAvg'; this sgd keeps 'momentum'/,
    ],
    [
      'a wrong parameter count',
      (s) => ({ ...s, buffers: { momentum: [[1, 1, 1]] } }),
      "sgd.loadState: buffer 'momentum' must hold one entry per parameter (2), got 1",
    ],
    [
      'a wrong buffer length',
      (s) => ({ ...s, buffers: { momentum: [[1, 1], [1]] } }),
      "sgd.loadState: buffer 'momentum' of params[0] (shape [3]) must be [] or 3 numbers, got 2 values",
    ],
    ['not an object', () => null, 'sgd.loadState: expected a state object, got null'],
  ];
  for (const [what, corrupt, message] of cases) {
    it(`rejects ${what}, naming it, and changes nothing`, () => {
      const opt = make();
      const before = opt.state();
      const bad = corrupt(good()) as OptimizerState;
      expect(() => opt.loadState(bad)).toThrow(ArgumentError);
      expect(() => opt.loadState(bad)).toThrow(message);
      expect(opt.state()).toEqual(before);
    });
  }

  it('an optimiser without momentum keeps no buffers and says so', () => {
    const opt = sgd([tensor([1], { requiresGrad: true })], { lr: 0.1 });
    expect(() =>
      opt.loadState({ name: 'sgd', step: 0, lr: 0.1, buffers: { momentum: [[]] } }),
    ).toThrow(
      "sgd.loadState: unexpected buffer 'momentum'; this sgd keeps no buffers (check its options)",
    );
  });

  it('restores the learning rate of a constant-lr optimiser', () => {
    const opt = sgd([tensor([1], { requiresGrad: true })], { lr: 0.1 });
    opt.loadState({ name: 'sgd', step: 3, lr: 0.025, buffers: {} });
    expect(opt.lr).toBe(0.025);
    expect(opt.stepCount).toBe(3);
  });
});

describe('learning rate as a schedule', () => {
  it('each step uses the schedule at the step count (0-based)', () => {
    const p = tensor([0], { requiresGrad: true });
    const schedule: Schedule = (t) => 1 / (t + 1);
    const opt = sgd([p], { lr: schedule });
    const used: number[] = [];
    for (let i = 0; i < 4; i++) {
      used.push(opt.lr);
      const before = p.item();
      p.grad = tensor([1]);
      opt.step();
      expect(before - p.item()).toBeCloseTo(1 / (i + 1), 15);
    }
    expect(used).toEqual([1, 1 / 2, 1 / 3, 1 / 4]);
  });

  it('setting lr under a schedule scales the schedule from then on, and the scale is saved', () => {
    const opt = sgd([tensor([0], { requiresGrad: true })], { lr: (t) => 0.1 * 0.5 ** t });
    opt.lr = 0.05; // half of the current 0.1
    expect(opt.lr).toBeCloseTo(0.05, 15);
    const s = opt.state();
    expect(s.lrScale).toBeCloseTo(0.5, 15);
    const other = sgd([tensor([0], { requiresGrad: true })], { lr: (t) => 0.1 * 0.5 ** t });
    other.loadState({ ...s, step: 2 });
    expect(other.lr).toBeCloseTo(0.1 * 0.25 * 0.5, 15);
  });

  it('cannot rescale a schedule whose current value is 0', () => {
    const opt = sgd([tensor([0], { requiresGrad: true })], { lr: warmup(0.1, { steps: 10 }) });
    expect(() => {
      opt.lr = 0.01;
    }).toThrow("sgd: cannot set lr while the schedule's value at step 0 is 0 (nothing to scale)");
  });

  it('a schedule that returns NaN or a negative rate is an error at that step', () => {
    const p = tensor([0], { requiresGrad: true });
    const opt = sgd([p], { lr: (t) => (t < 1 ? 0.1 : Number.NaN) });
    p.grad = tensor([1]);
    opt.step();
    expect(() => opt.step()).toThrow(
      'sgd: the learning-rate schedule gave NaN at step 1; expected a non-negative finite number',
    );
    expect(opt.stepCount).toBe(1);
  });

  // NOTE: a transposed gradient of the same size used to be applied to the wrong weights (issue 12).
  it('rejects a gradient of another shape even when it has the same size', () => {
    const w = tensor([[1, 2, 3]], { requiresGrad: true });
    const opt = sgd([w], { lr: 0.1 });
    w.grad = tensor([[1], [1], [1]]);
    expectError(
      () => opt.step(),
      ShapeError,
      'sgd: params[0] has shape [1,3] but its grad has shape [3,1]',
    );
    expect(w.toArray()).toEqual([[1, 2, 3]]);
    w.grad = [1, 1, 1] as never;
    expectError(
      () => opt.step(),
      ArgumentError,
      'sgd: params[0].grad must be a Tensor or null, got an array ([1,1,1])',
    );
  });
});
