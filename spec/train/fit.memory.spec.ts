import v8 from 'node:v8';
import vm from 'node:vm';
import { lastValueFrom, tap } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  Dataset,
  fit,
  type LossFn,
  mlp,
  mse,
  sgd,
  type TrainEvent,
  tensor,
} from '../../lib/index.js';

// A real full collection before each measurement, so that the numbers are live memory rather
// than garbage not yet collected. `--expose-gc` set at run time, then `gc` fetched from a
// fresh context (the flag only affects contexts created after it).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const xs = Array.from({ length: 32 }, (_, i) => [Math.sin(i), Math.cos(i)]);
const data = new Dataset(tensor(xs), tensor(xs.map(([a, b]) => [a * b])));

/** Trains mlp 2→4→1 for `epochs` × 8 steps; returns the live heap (MB) every `every` epochs. */
async function heapDuring(epochs: number, every: number, loss: LossFn): Promise<number[]> {
  const model = mlp([2, 4, 1], { seed: 1 });
  const heaps: number[] = [];
  await lastValueFrom(
    fit(model, data, {
      loss,
      optimizer: sgd(model.parameters(), { lr: 0.05 }),
      epochs,
      batchSize: 4,
    }).pipe(
      tap((e: TrainEvent) => {
        if (e.type === 'epoch' && e.epoch % every === 0) {
          gc();
          heaps.push(process.memoryUsage().heapUsed / 1e6);
        }
      }),
    ),
  );
  return heaps;
}

// A leak of one small tensor graph per step adds about 8 kB per step (measured: 17 MB over
// 2,000 steps); over the 18,000 steps measured below, 4 MB allows 220 bytes per step.
const BOUND_MB = 4;

describe('fit: memory stays flat over a long run', () => {
  it('20,000 steps of a small model: the live heap does not grow', async () => {
    const heaps = await heapDuring(2500, 250, mse); // 20,000 steps, measured every 2,000
    expect(heaps).toHaveLength(10);
    const growth = heaps.at(-1)! - heaps[0];
    const spread = Math.max(...heaps) - Math.min(...heaps);
    expect(growth).toBeLessThan(BOUND_MB);
    expect(spread).toBeLessThan(BOUND_MB);
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
