import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tensor } from '../../lib/index.js';
import * as rx from '../../lib/index.js';
import {
  anyTensor,
  dtypeLike,
  finiteTensor,
  isTensor,
  junk,
  shape,
  tensorOf,
} from './arbitraries.js';
import { check, judge, judged, same } from './harness.js';

// Bad-input fuzzing of models and optimisers: constructors and their options, forward passes
// on tensors of any shape, optimiser options, gradients of the wrong shape, saved states.

afterAll(() => {
  console.log(
    `fuzz models: ${judged.cases} cases, ${judged.errors} named errors, ${judged.results} checked results`,
  );
  expect(judged.cases).toBeGreaterThanOrEqual(500);
});

const size = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 1, arbitrary: junk },
);
const init = fc.oneof(
  fc.constantFrom('zeros', 'heNormal', 'glorotUniform', 'normal'),
  fc.constant((s: readonly number[]) => rx.zeros([...s].reverse())),
  fc.constant(() => 'w'),
  junk,
);
const linearOptions = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        bias: fc.oneof(fc.boolean(), junk),
        dtype: dtypeLike,
        init,
        seed: fc.oneof(fc.integer(), junk),
        rng: fc.oneof(fc.constant(new rx.Random(3)), junk),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom({ biass: true }, { activation: 'relu' }, null) },
  { weight: 1, arbitrary: junk },
);

describe('layers', () => {
  it('Linear, Neuron, mlp: a named error, or parameters of the documented shapes', () => {
    check(
      fc.tuple(fc.constantFrom('Linear', 'Neuron', 'mlp'), size, size, linearOptions),
      ([name, a, b, o]) => {
        judge(
          name,
          () => {
            if (name === 'Linear')
              return new rx.Linear(a as number, b as number, o as rx.LinearOptions);
            if (name === 'Neuron') return new rx.Neuron(a as number, o as rx.NeuronOptions);
            return rx.mlp([a as number, b as number, 1], o as rx.MlpOptions);
          },
          (m) => {
            const ps = m.namedParameters();
            const first = ps[0][1];
            expect(first.shape).toEqual([a, name === 'Neuron' ? 1 : b]);
            for (const [, p] of ps) {
              expect(p.requiresGrad).toBe(true);
              expect(p.isLeaf).toBe(true);
              expect(p.dtype).toBe((o as { dtype?: string } | undefined)?.dtype ?? 'float64');
            }
          },
        );
      },
      250,
    );
  });

  it('forward: a named error, or an output [..., outFeatures]', () => {
    const model = fc.constantFrom(
      new rx.Linear(3, 2, { seed: 1 }),
      rx.mlp([3, 4, 2], { seed: 2, activation: 'tanh', outputActivation: 'softmax' }),
      new rx.Neuron(3, { seed: 3 }),
      new rx.Sequential(new rx.Linear(3, 2, { seed: 4 }), new rx.Dropout(0.5, { seed: 5 })),
    );
    const input = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom<rx.DType>('float64', 'float32'))
          .chain(([n, d]) => tensorOf([n, 3], d)),
      },
      { weight: 3, arbitrary: anyTensor },
      { weight: 1, arbitrary: junk },
    );
    check(
      fc.tuple(model, input),
      ([m, x]) => {
        const names = [
          m.describe().split('(')[0],
          m.constructor.name,
          'Linear(3',
          'Neuron(3',
          'Dropout',
        ];
        judge(
          names,
          () => m.forward(x as Tensor),
          (y) => {
            const t = x as Tensor;
            expect(y.shape.slice(0, -1)).toEqual(t.shape.slice(0, -1));
            expect(y.shape[y.rank - 1]).toBe(m instanceof rx.Neuron ? 1 : 2);
          },
        );
      },
      250,
    );
  });

  it('loadStateDict: a named error changes nothing; a valid one copies every value', () => {
    const state = fc.oneof(
      fc.constant(new rx.Linear(2, 2, { seed: 9 }).stateDict()),
      fc.record(
        { weight: fc.oneof(finiteTensor, junk), bias: fc.oneof(finiteTensor, junk) },
        { requiredKeys: [] },
      ),
      fc.constantFrom(
        { weight: rx.zeros([2, 2]), bias: rx.zeros([2]), extra: rx.zeros([1]) },
        { __proto__: null },
      ),
      junk,
    );
    check(
      state,
      (s) => {
        const m = new rx.Linear(2, 2, { seed: 1 });
        const before = m.parameters().map((p) => Array.from(p.data));
        const outcome = judge('loadStateDict', () => m.loadStateDict(s as rx.StateDict));
        if (outcome === 'error')
          expect(m.parameters().map((p) => Array.from(p.data))).toEqual(before);
        else
          m.namedParameters().forEach(([n, p]) => {
            expect(Array.from(p.data)).toEqual(Array.from((s as rx.StateDict)[n].data));
          });
      },
      150,
    );
  });
});

const OPTIMIZERS = { sgd: rx.sgd, adam: rx.adam, adamw: rx.adamw, rmsprop: rx.rmsprop };
type OptName = keyof typeof OPTIMIZERS;

describe('optimisers', () => {
  const options = fc.oneof(
    fc.record(
      {
        lr: fc.oneof(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.constant((s: number) => 0.1 / (1 + s)),
          junk,
        ),
        momentum: fc.oneof(fc.double({ min: 0, max: 0.99, noNaN: true }), junk),
        weightDecay: fc.oneof(fc.double({ min: 0, max: 0.1, noNaN: true }), junk),
        beta1: fc.oneof(fc.double({ min: 0, max: 0.99, noNaN: true }), junk),
        nesterov: fc.oneof(fc.boolean(), junk),
      },
      { requiredKeys: [] },
    ),
    fc.constantFrom({ lr: 0.1 }, { learningRate: 0.1 }, null),
    junk,
  );
  const grad = fc.oneof(
    { weight: 4, arbitrary: fc.constant('right') },
    { weight: 1, arbitrary: fc.constant('transposed') },
    { weight: 1, arbitrary: anyTensor },
    { weight: 1, arbitrary: junk },
  );
  it('a named error, or every parameter updated by a finite step', () => {
    check(
      fc.tuple(
        fc.constantFrom(...(Object.keys(OPTIMIZERS) as OptName[])),
        options,
        grad,
        fc.oneof({ weight: 5, arbitrary: fc.constant('params') }, { weight: 1, arbitrary: junk }),
      ),
      ([name, o, g, params]) => {
        const w = rx.tensor([[0.5, -1, 2]], { requiresGrad: true });
        const ps = params === 'params' ? [w] : params;
        const opt = (() => {
          let made: rx.Optimizer | undefined;
          judge(name, () => {
            made = OPTIMIZERS[name](ps as Tensor[], o as never);
            return made;
          });
          return made;
        })();
        if (!opt) return;
        w.grad =
          g === 'right'
            ? rx.tensor([[1, -2, 0.5]])
            : g === 'transposed'
              ? rx.tensor([[1], [-2], [0.5]])
              : (g as Tensor);
        const before = Array.from(w.data);
        const outcome = judge(
          name,
          () => opt.step(),
          () => {
            expect(w.data.every(Number.isFinite)).toBe(true);
            if (
              name === 'sgd' &&
              typeof (o as { lr?: unknown }).lr === 'number' &&
              Object.keys(o as object).length === 1
            ) {
              const lr = (o as { lr: number }).lr;
              w.data.forEach((v, i) => {
                expect(same(v, before[i] - lr * (w.grad as Tensor).data[i])).toBe(true);
              });
            }
          },
          g === 'right'
            ? 'unknown'
            : isTensor(g) && g.size === 3 && g.rank === 2 && g.shape[0] === 1
              ? 'unknown'
              : g === undefined || g === null
                ? 'unknown'
                : 'invalid',
        );
        if (outcome === 'error') expect(Array.from(w.data)).toEqual(before);
      },
      300,
    );
  });

  it('loadState: a named error changes nothing', () => {
    const good = (() => {
      const w = rx.tensor([1, 2], { requiresGrad: true });
      const o = rx.adam([w], { lr: 0.1 });
      w.grad = rx.tensor([1, 1]);
      o.step();
      return o.state();
    })();
    const state = fc.oneof(
      fc.constant(good),
      fc.record(
        {
          name: fc.oneof(fc.constantFrom('adam', 'sgd'), junk),
          step: fc.oneof(fc.nat(5), junk),
          lr: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), junk),
          buffers: fc.oneof(fc.constant(good.buffers), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    );
    check(
      state,
      (s) => {
        const w = rx.tensor([1, 2], { requiresGrad: true });
        const opt = rx.adam([w], { lr: 0.5 });
        const outcome = judge('adam.loadState', () => opt.loadState(s as rx.OptimizerState));
        if (outcome === 'error') {
          expect(opt.stepCount).toBe(0);
          expect(opt.lr).toBe(0.5);
        }
      },
      150,
    );
  });

  it('clipGradNorm, clipGradValue and the schedules: a named error or a finite result', () => {
    const num = fc.oneof(fc.double({ min: -1, max: 5, noNaN: true }), junk);
    check(
      fc.tuple(
        fc.constantFrom(
          'clipGradNorm',
          'clipGradValue',
          'stepDecay',
          'exponentialDecay',
          'cosineDecay',
          'warmup',
        ),
        num,
        fc.oneof(
          fc.record(
            { stepSize: num, gamma: num, steps: num, min: num, maxNorm: num },
            { requiredKeys: [] },
          ),
          junk,
        ),
      ),
      ([name, a, o]) => {
        const w = rx.tensor([3, -4], { requiresGrad: true });
        w.grad = rx.tensor([3, -4]);
        judge(
          name,
          () => {
            switch (name) {
              case 'clipGradNorm':
                return rx.clipGradNorm([w], o as never);
              case 'clipGradValue':
                return rx.clipGradValue([w], a as number);
              case 'stepDecay':
                return rx.stepDecay(a as number, o as never)(3);
              case 'exponentialDecay':
                return rx.exponentialDecay(a as number, o as never)(3);
              case 'cosineDecay':
                return rx.cosineDecay(a as number, o as never)(3);
              case 'warmup':
                return (rx.warmup as (...x: unknown[]) => rx.Schedule)(a, o)(3);
            }
          },
          (r) => {
            if (typeof r === 'number') expect(Number.isFinite(r)).toBe(true);
            expect(w.grad?.data.every(Number.isFinite)).toBe(true);
          },
        );
      },
      200,
    );
  });
});

describe('shape of what a model holds', () => {
  it('initialisers: a named error or a tensor of the shape asked for', () => {
    const INITS = {
      normal: rx.init.normal,
      uniform: rx.init.uniform,
      heNormal: rx.init.heNormal,
      glorotUniform: rx.init.glorotUniform,
      zeros: rx.init.zeros,
    };
    check(
      fc.tuple(
        fc.constantFrom(...(Object.keys(INITS) as (keyof typeof INITS)[])),
        fc.oneof(shape, junk),
        fc.oneof(
          fc.constant(undefined),
          fc.record(
            {
              seed: fc.oneof(fc.integer(), junk),
              dtype: dtypeLike,
              std: fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), junk),
              gain: fc.oneof(fc.double({ min: 0.1, max: 2, noNaN: true }), junk),
            },
            { requiredKeys: [] },
          ),
          junk,
        ),
      ),
      ([name, s, o]) => {
        judge(
          `init.${name}`,
          () => (INITS[name] as (a: unknown, b: unknown) => Tensor)(s, o),
          (t) => {
            expect(t.shape).toEqual(s);
            expect(t.data.every(Number.isFinite)).toBe(true);
          },
        );
      },
      200,
    );
  });
});
