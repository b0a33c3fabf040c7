import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WASM_THRESHOLDS } from '../../lib/backend/wasm/wasmBackend.js';
import {
  abs,
  add,
  crossEntropy,
  type DType,
  div,
  exp,
  leakyRelu,
  log,
  matmul,
  max,
  maximum,
  mean,
  min,
  minimum,
  mul,
  neg,
  Random,
  relu,
  setBackend,
  sigmoid,
  softmax,
  sqrt,
  square,
  sub,
  sum,
  type Tensor,
  tanh,
  tensor,
} from '../../lib/index.js';

// Every op, forward and backward, on the 'js' and the 'wasm' backend from the same inputs.
// The thresholds are lowered to 0 so that even these small tensors run the WebAssembly kernels.

type Case = [name: string, shapes: number[][], f: (...xs: Tensor[]) => Tensor, positive?: boolean];
const cases: Case[] = [
  ['add (bias row)', [[7, 5], [5]], add],
  [
    'sub (per-row column)',
    [
      [6, 5],
      [6, 1],
    ],
    sub,
  ],
  [
    'mul (same shape)',
    [
      [9, 3],
      [9, 3],
    ],
    mul,
  ],
  ['div (scalar)', [[4, 5], []], div, true],
  [
    'maximum',
    [
      [8, 3],
      [8, 3],
    ],
    maximum,
  ],
  [
    'minimum (general broadcast)',
    [
      [2, 1, 5],
      [2, 3, 5],
    ],
    minimum,
  ],
  ['exp', [[33]], exp],
  ['sigmoid', [[5, 7]], sigmoid],
  ['relu', [[5, 7]], relu],
  ['leakyRelu', [[5, 7]], (x) => leakyRelu(x, 0.1)],
  ['neg', [[13]], neg],
  ['abs', [[13]], abs],
  ['square', [[13]], square],
  ['sqrt', [[13]], sqrt, true],
  ['log (JS kernel)', [[13]], log, true],
  ['tanh (JS kernel)', [[13]], tanh],
  ['sum over axis 0', [[6, 7]], (x) => sum(x, 0)],
  ['sum over the last axis', [[3, 4, 5]], (x) => sum(x, -1)],
  ['mean over axes 0 and 1', [[3, 4, 5]], (x) => mean(x, [0, 1])],
  ['max over axis 1', [[6, 7]], (x) => max(x, 1)],
  ['min over axis 0', [[6, 7]], (x) => min(x, 0)],
  [
    'matmul',
    [
      [9, 13],
      [13, 11],
    ],
    (a, b) => matmul(a, b),
  ],
  [
    'matmul Aᵀ·B',
    [
      [13, 9],
      [13, 11],
    ],
    (a, b) => matmul(a, b, { transA: true }),
  ],
  [
    'matmul A·Bᵀ',
    [
      [9, 13],
      [11, 13],
    ],
    (a, b) => matmul(a, b, { transB: true }),
  ],
  [
    'matmul batched',
    [
      [3, 5, 6],
      [6, 7],
    ],
    (a, b) => matmul(a, b),
  ],
  ['softmax', [[6, 10]], (x) => softmax(x)],
  ['crossEntropy', [[6, 10]], (x) => crossEntropy(x, [0, 3, 9, 2, 2, 7])],
];

function run(backend: 'js' | 'wasm', dtype: DType, c: Case, seed: number) {
  setBackend(backend);
  const rng = new Random(seed);
  const [, shapes, f, positive] = c;
  const xs = shapes.map((shape) => {
    const n = shape.reduce((p, d) => p * d, 1);
    const data = Float64Array.from({ length: n }, () =>
      positive ? 0.5 + rng.uniform() * 3 : rng.normal() * 2,
    );
    return tensor(data, { shape, dtype, requiresGrad: true });
  });
  const y = f(...xs);
  const weights = Float64Array.from({ length: y.size }, () => rng.normal());
  sum(mul(y, tensor(weights, { shape: y.shape, dtype }))).backward();
  return { y: Array.from(y.data), grads: xs.map((x) => Array.from(x.grad?.data ?? [])) };
}

describe('every op gives the same values and gradients on both backends', () => {
  const saved = { ...WASM_THRESHOLDS };
  beforeAll(() => {
    for (const key of Object.keys(WASM_THRESHOLDS) as (keyof typeof WASM_THRESHOLDS)[])
      WASM_THRESHOLDS[key] = 0;
  });
  afterAll(() => {
    Object.assign(WASM_THRESHOLDS, saved);
    setBackend('wasm');
  });

  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of cases) {
      it(`${c[0]} (${dtype})`, () => {
        const js = run('js', dtype, c, 7);
        const wasm = run('wasm', dtype, c, 7);
        // both run the same maths; kernels may round differently (summation order, FMA)
        const rtol = dtype === 'float64' ? 1e-12 : 1e-5;
        const close = (a: number[], b: number[]) => {
          expect(a.length).toBe(b.length);
          const scale = Math.max(1, ...b.map(Math.abs));
          for (let i = 0; i < a.length; i++)
            expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(rtol * scale);
        };
        close(wasm.y, js.y);
        wasm.grads.forEach((g, i) => {
          expect(g.length).toBeGreaterThan(0);
          close(g, js.grads[i]);
        });
      });
    }
  }
});
