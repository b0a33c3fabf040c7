import v8 from 'node:v8';
import vm from 'node:vm';
import { lastValueFrom, tap } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { residentStats } from '../../lib/backend/wasm/wasmBackend.js';
import {
  binaryCrossEntropy,
  Dataset,
  fit,
  getBackend,
  type LossFn,
  mlp,
  mse,
  Random,
  type Sequential,
  setBackend,
  sgd,
  sigmoid,
  type TrainEvent,
  tensor,
  wasmInfo,
} from '../../lib/index.js';

// A real full collection before each measurement, so that the numbers are live memory rather
// than garbage not yet collected. `--expose-gc` set at run time, then `gc` fetched from a
// fresh context (the flag only affects contexts created after it).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const xs = Array.from({ length: 32 }, (_, i) => [Math.sin(i), Math.cos(i)]);
const data = new Dataset(tensor(xs), tensor(xs.map(([a, b]) => [a * b])));

/** Live memory (MB): the JS heap after a full collection, plus the WebAssembly memory. */
function liveMB(): number {
  gc();
  return (process.memoryUsage().heapUsed + (wasmInfo()?.memoryBytes ?? 0)) / 1e6;
}

/**
 * Trains `model` on `set` for `epochs` epochs of `batchSize`; returns the live memory (MB)
 * every `every` epochs.
 */
async function memoryDuring(
  model: Sequential,
  set: Dataset,
  batchSize: number,
  epochs: number,
  every: number,
  loss: LossFn,
  lr = 0.05,
): Promise<number[]> {
  const sizes: number[] = [];
  await lastValueFrom(
    fit(model, set, { loss, optimizer: sgd(model.parameters(), { lr }), epochs, batchSize }).pipe(
      tap((e: TrainEvent) => {
        if (e.type === 'epoch' && e.epoch % every === 0) sizes.push(liveMB());
      }),
    ),
  );
  return sizes;
}

/** Trains mlp 2→4→1 for `epochs` × 8 steps; returns the live memory (MB) every `every` epochs. */
const heapDuring = (epochs: number, every: number, loss: LossFn) =>
  memoryDuring(mlp([2, 4, 1], { seed: 1 }), data, 4, epochs, every, loss);

// A leak of one small tensor graph per step adds about 8 kB per step (measured: 17 MB over
// 2,000 steps); over the 90,000 steps measured below, 4 MB allows 44 bytes per step.
const BOUND_MB = 4;

function expectFlat(sizes: number[], count: number): void {
  expect(sizes).toHaveLength(count);
  expect(sizes.at(-1)! - sizes[0]).toBeLessThan(BOUND_MB);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(BOUND_MB);
}

describe('fit: memory (JS heap and WebAssembly memory) stays flat over a long run', () => {
  it('100,000 steps of a small model', async () => {
    expectFlat(await heapDuring(12500, 1250, mse), 10); // measured every 10,000 steps
  });

  it('100,000 steps of a sigmoid neuron on the WebAssembly kernels: the fused loss, its scratch arrays, the matrix-vector product, the resident copies of the batches', async () => {
    const before = getBackend().name;
    setBackend('wasm');
    try {
      // 192 samples of 30 features in batches of 128 and 64: two sizes of every array, the
      // first large enough for every WebAssembly kernel of the step (128 sigmoids and logs)
      const rng = new Random(7);
      const x = Array.from({ length: 192 }, () => Array.from({ length: 30 }, () => rng.normal()));
      const y = x.map((row) => [row[0] + row[1] > 0 ? 1 : 0]);
      const neuron = mlp([30, 1], { seed: 2 });
      const bce: LossFn = (p, t) => binaryCrossEntropy(sigmoid(p), t);
      const resident = residentStats()!;
      const sizes = await memoryDuring(
        neuron,
        new Dataset(tensor(x), tensor(y)),
        128,
        50000,
        5000,
        bce,
        0.01,
      );
      expectFlat(sizes, 10);
      // the batches (new arrays every step) went through the resident copies: each is copied
      // in for the forward product and served from its copy in the backward one
      const after = residentStats()!;
      expect(after.hits - resident.hits).toBeGreaterThanOrEqual(100_000);
      expect(after.copies - resident.copies).toBeGreaterThanOrEqual(100_000);
    } finally {
      setBackend(before);
    }
  });

  it('negative control: the same measurement sees a loss that keeps each step\u2019s graph', async () => {
    const kept: unknown[] = [];
    const leaky: LossFn = (p, t) => {
      const l = mse(p, t);
      kept.push(l);
      return l;
    };
    const heaps = await heapDuring(300, 50, leaky); // 2,400 steps
    expect(kept).toHaveLength(2400);
    expect(heaps.at(-1)! - heaps[0]).toBeGreaterThan(BOUND_MB);
  });
});
