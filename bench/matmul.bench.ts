import './setup.js';
import { bench, describe } from 'vitest';
import { type DType, matmul, noGrad, setBackend, type Tensor, tensor } from '../lib/index.js';
import { tf, tfjsMatmul, useTf } from './peers/tfjs.js';

// Square products in the three layouts the backward pass needs; rxgrad through the public op
// (allocation included), tfjs through tf.matMul + dataSync. The JS peers stop at 256.
const SIZES = [64, 128, 256, 512, 1024];
const LAYOUTS = [
  ['A·B', false, false],
  ['Aᵀ·B', true, false],
  ['A·Bᵀ', false, true],
] as const;
const JS_MAX = 256;

function operand(n: number, dtype: DType, seed: number): Tensor {
  const data = new Float64Array(n * n);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.37 + seed);
  return tensor(data, { shape: [n, n], dtype });
}

const options = (n: number) => ({
  time: n >= 512 ? 600 : 300,
  iterations: 3,
  warmupTime: 50,
  warmupIterations: 1,
});

for (const dtype of ['float64', 'float32'] as const) {
  for (const n of SIZES) {
    const a = operand(n, dtype, 1);
    const b = operand(n, dtype, 2);
    for (const [layout, transA, transB] of LAYOUTS) {
      describe(`matmul ${n} ${layout} ${dtype}`, () => {
        for (const backend of n <= JS_MAX ? (['wasm', 'js'] as const) : (['wasm'] as const)) {
          bench(`rxgrad ${backend}`, () => void noGrad(() => matmul(a, b, { transA, transB })), {
            ...options(n),
            setup: () => setBackend(backend),
          });
        }
        if (dtype !== 'float32') return;
        for (const backend of n <= JS_MAX ? (['wasm', 'cpu'] as const) : (['wasm'] as const)) {
          let ta: ReturnType<typeof tf.tensor2d> | undefined;
          let tb: ReturnType<typeof tf.tensor2d> | undefined;
          bench(`tfjs ${backend}`, () => tfjsMatmul(ta!, tb!, transA, transB), {
            ...options(n),
            setup: async () => {
              await useTf(backend);
              ta ??= tf.tensor2d(a.data as Float32Array, [n, n]);
              tb ??= tf.tensor2d(b.data as Float32Array, [n, n]);
            },
          });
        }
      });
    }
  }
}
