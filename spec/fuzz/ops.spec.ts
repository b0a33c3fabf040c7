import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tensor } from '../../lib/index.js';
import * as rx from '../../lib/index.js';
import {
  anyTensor,
  axisLike,
  dtypeLike,
  element,
  finiteTensor,
  isTensor,
  junk,
  shape,
  shapeLike,
  tensorOf,
} from './arbitraries.js';
import { check, close, judge, judged, same } from './harness.js';
import { broadcast, matmul2, size, store, unravel } from './reference.js';

// Bad-input fuzzing of the tensor API, part 2: shape ops, matmul, losses and autograd. Each
// case is a named rxgrad error or a result checked against an independent reference
// (spec/fuzz/reference.ts).

afterAll(() => {
  // the suite's size is part of its contract (≥ 2,000 generated cases across the fuzz files)
  expect(judged.cases).toBeGreaterThanOrEqual(1000);
  console.log(
    `fuzz ops: ${judged.cases} cases, ${judged.errors} named errors, ${judged.results} checked results`,
  );
});
describe('shape ops', () => {
  const ops = [
    'reshape',
    'transpose',
    'expandDims',
    'squeeze',
    'flatten',
    'broadcastTo',
    'slice',
    'gather',
    'cast',
  ] as const;
  it('keep the values, and the shape follows the documented rule', () => {
    check(
      fc.tuple(
        fc.constantFrom(...ops),
        fc.oneof({ weight: 6, arbitrary: anyTensor }, { weight: 1, arbitrary: junk }),
        fc.oneof(shapeLike, axisLike, fc.array(fc.integer({ min: -2, max: 3 }), { maxLength: 3 })),
        fc.oneof(axisLike, dtypeLike),
      ),
      ([name, x, a, b]) => {
        judge(
          name,
          () => {
            const t = x as Tensor;
            switch (name) {
              case 'reshape':
                return rx.reshape(t, a as number[]);
              case 'transpose':
                return rx.transpose(t, a as number[]);
              case 'expandDims':
                return rx.expandDims(t, a as number);
              case 'squeeze':
                return rx.squeeze(t, a as number);
              case 'flatten':
                return rx.flatten(t, a as number, b as number);
              case 'broadcastTo':
                return rx.broadcastTo(t, a as number[]);
              case 'slice':
                return rx.slice(t, a as number[], b as number[]);
              case 'gather':
                return rx.gather(t, a as number[]);
              case 'cast':
                return rx.cast(t, b as rx.DType);
            }
          },
          (y) => {
            const t = x as Tensor;
            if (name === 'broadcastTo') {
              expect(broadcast(t.shape, y.shape)).toEqual(y.shape);
              return;
            }
            if (name === 'slice') {
              expect(y.rank).toBe(t.rank);
              expect(y.shape.every((d, i) => d <= t.shape[i])).toBe(true);
              return;
            }
            if (name === 'gather') {
              const rows = a as number[];
              expect(y.shape).toEqual([rows.length, ...t.shape.slice(1)]);
              const row = size(t.shape.slice(1));
              rows.forEach((r, i) => {
                for (let j = 0; j < row; j++)
                  expect(same(y.data[i * row + j], t.data[r * row + j])).toBe(true);
              });
              return;
            }
            expect(y.size).toBe(t.size);
            if (name === 'transpose') {
              const perm = (
                (a as number[] | undefined) ?? t.shape.map((_, i) => t.rank - 1 - i)
              ).map((v) => (v < 0 ? v + t.rank : v));
              for (let k = 0; k < y.size; k++) {
                const idx = unravel(k, y.shape);
                const src = new Array<number>(t.rank);
                perm.forEach((axis, i) => {
                  src[axis] = idx[i];
                });
                const flat = src.reduce((o, v, d) => o * t.shape[d] + v, 0);
                expect(same(y.data[k], t.data[flat])).toBe(true);
              }
            } else {
              y.data.forEach((v, k) => {
                expect(same(v, store(t.data[k], y.dtype))).toBe(true);
              });
            }
            if (name === 'cast') expect(y.dtype).toBe(b);
          },
        );
      },
      350,
    );
  });

  it('concat and stack: sizes add up, values in order', () => {
    const list = fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .tuple(shape, fc.integer({ min: 1, max: 3 }))
          .chain(([s, n]) =>
            fc.array(
              fc.oneof(
                { weight: 8, arbitrary: tensorOf(s, 'float64') },
                { weight: 1, arbitrary: anyTensor },
                { weight: 1, arbitrary: junk },
              ),
              { minLength: n, maxLength: n },
            ),
          ),
      },
      { weight: 1, arbitrary: junk },
    );
    check(
      fc.tuple(
        fc.constantFrom('concat', 'stack'),
        list,
        fc.oneof(fc.integer({ min: -3, max: 3 }), junk),
      ),
      ([name, ts, axis]) => {
        judge(
          name,
          () => (name === 'concat' ? rx.concat : rx.stack)(ts as Tensor[], axis as number),
          (y) => {
            const items = ts as Tensor[];
            expect(y.size).toBe(items.reduce((n, t) => n + t.size, 0));
            expect(y.rank).toBe(items[0].rank + (name === 'stack' ? 1 : 0));
          },
        );
      },
      150,
    );
  });
});

describe('matmul', () => {
  it('the shape rule of numpy’s matmul, and the values of the naive product', () => {
    const dims = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 });
    const pair = fc
      .tuple(dims, dims, fc.constantFrom<rx.DType>('float64', 'float32'))
      .chain(([sa, sb, d]) =>
        fc.tuple(
          tensorOf(sa, d, fc.double({ min: -2, max: 2, noNaN: true })),
          tensorOf(sb, d, fc.double({ min: -2, max: 2, noNaN: true })),
        ),
      );
    const opts = fc.oneof(
      fc.constant(undefined),
      fc.record(
        { transA: fc.oneof(fc.boolean(), junk), transB: fc.oneof(fc.boolean(), junk) },
        { requiredKeys: [] },
      ),
      junk,
    );
    check(
      fc.tuple(
        fc.oneof(
          { weight: 8, arbitrary: pair },
          { weight: 1, arbitrary: fc.tuple(junk, anyTensor) },
        ),
        opts,
      ),
      ([[a, b], o]) => {
        judge(
          'matmul',
          () => rx.matmul(a as Tensor, b as Tensor, o as rx.MatmulOptions),
          (y) => {
            const ta = a as Tensor;
            const tb = b as Tensor;
            const { transA = false, transB = false } = (o ?? {}) as rx.MatmulOptions;
            if (ta.rank === 2 && tb.rank === 2) {
              const A = transA ? rx.transpose(ta) : ta;
              const B = transB ? rx.transpose(tb) : tb;
              const [m, k] = A.shape;
              const n = B.shape[1];
              expect(y.shape).toEqual([m, n]);
              const want = matmul2(A.data, B.data, m, k, n);
              want.forEach((v, i) => {
                expect(close(y.data[i], v, ta.dtype === 'float32' ? 1e-5 : 1e-12, 1e-6)).toBe(true);
              });
            }
          },
        );
      },
      200,
    );
  });
});

describe('losses', () => {
  const LOSSES = {
    mse: rx.mse,
    sse: rx.sse,
    binaryCrossEntropy: rx.binaryCrossEntropy,
    binaryCrossEntropyWithLogits: rx.binaryCrossEntropyWithLogits,
    crossEntropy: rx.crossEntropy,
    nll: rx.nll,
  };
  const losses = Object.keys(LOSSES) as (keyof typeof LOSSES)[];
  it('a named error, or a finite non-negative loss from finite valid input', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const inputs = fc
      .tuple(shape, fc.constantFrom<rx.DType>('float64', 'float32'))
      .chain(([s, d]) =>
        fc.tuple(
          tensorOf(s, d, fc.oneof(unit, element)),
          fc.oneof(
            tensorOf(s, d, fc.oneof(unit, element)),
            anyTensor,
            fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 4 }),
            element,
            junk,
          ),
        ),
      );
    check(
      fc.tuple(fc.constantFrom(...losses), inputs),
      ([name, [p, t]]) => {
        judge(
          name,
          () => (LOSSES[name] as (a: unknown, b: unknown) => Tensor)(p, t),
          (y) => {
            expect(y.size).toBe(1);
            const finiteIn =
              p.data.every(Number.isFinite) &&
              (isTensor(t) ? t.data.every(Number.isFinite) : Number.isFinite(t));
            if (finiteIn && name !== 'nll') {
              expect(Number.isFinite(y.item()), `${name} gave ${y.item()} from finite input`).toBe(
                true,
              );
              expect(y.item()).toBeGreaterThanOrEqual(-1e-12);
            }
          },
        );
      },
      300,
    );
  });
});

describe('autograd', () => {
  it('grad, valueAndGrad and backward: a named error, or a gradient of the input’s shape', () => {
    const fns: Record<string, (x: Tensor) => unknown> = {
      sumSquare: (x) => rx.sum(rx.square(x)),
      nonScalar: (x) => rx.square(x),
      number: () => 3,
      constant: () => rx.tensor(1),
      tanhSum: (x) => rx.sum(rx.tanh(x)),
    };
    const argnums = fc.oneof(
      fc.constant(undefined),
      fc.integer({ min: -1, max: 2 }),
      fc.array(fc.integer({ min: -1, max: 2 }), { maxLength: 2 }),
      junk,
    );
    check(
      fc.tuple(
        fc.constantFrom(...Object.keys(fns)),
        fc.oneof({ weight: 5, arbitrary: finiteTensor }, { weight: 1, arbitrary: junk }),
        argnums,
        fc.oneof(
          fc.constant(undefined),
          junk,
          anyTensor,
          fc.record({ createGraph: fc.oneof(fc.boolean(), junk) }, { requiredKeys: [] }),
        ),
      ),
      ([f, x, nums, seed]) => {
        const fn = fns[f] as (...a: Tensor[]) => Tensor;
        judge(
          'grad',
          () => rx.grad(fn, nums as number)(x as Tensor),
          (g) => {
            const gs = Array.isArray(g) ? g : [g];
            for (const gi of gs) expect(gi.shape).toEqual((x as Tensor).shape);
          },
        );
        judge(
          'valueAndGrad',
          () => rx.valueAndGrad(fn, nums as number)(x as Tensor),
          ([v]) => expect(v.size).toBe(1),
        );
        if (isTensor(x)) {
          const w = rx.tensor(x.data, { shape: x.shape, dtype: x.dtype, requiresGrad: true });
          judge(
            'backward',
            () => rx.sum(rx.mul(w, 2)).backward(seed as never),
            () => {
              expect(w.grad?.shape).toEqual(w.shape);
            },
          );
        }
      },
      150,
    );
  });

  it('gradCheck: a named error, or a report whose verdict holds', () => {
    const opts = fc.oneof(
      fc.constant(undefined),
      fc.record(
        {
          atol: fc.oneof(fc.double({ min: 0, max: 1e-3 }), junk),
          mode: fc.oneof(fc.constantFrom('full', 'vjp', 'auto'), junk),
          argnums: fc.oneof(fc.integer({ min: -1, max: 2 }), junk),
          eps: fc.oneof(fc.constantFrom(1e-6, 1e-5), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    );
    const xs = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.array(
          fc
            .tuple(shape, fc.constantFrom<rx.DType>('float64', 'float32'))
            .chain(([s, d]) => tensorOf(s, d, fc.double({ min: -2, max: 2, noNaN: true }))),
          { minLength: 1, maxLength: 2 },
        ),
      },
      { weight: 1, arbitrary: junk },
    );
    check(
      fc.tuple(xs, opts),
      ([inputs, o]) => {
        judge(
          'gradCheck',
          () =>
            rx.gradCheck(
              (...ts: Tensor[]) => rx.sum(rx.tanh(ts[0])),
              inputs as Tensor[],
              o as rx.GradCheckOptions,
            ),
          (r) => {
            expect(typeof r.passed).toBe('boolean');
            expect(r.inputs.length).toBeGreaterThan(0);
          },
        );
      },
      100,
    );
  });
});
