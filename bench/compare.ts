import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Step } from './peers/rxgrad.js';

/** A peer of a workload: how to build its step, and what to select before it runs. */
export interface Peer {
  readonly make: () => Step;
  readonly before?: () => Promise<void>;
  /** Relative tolerance of its losses against the reference peer's (float32 peers: looser). */
  readonly rtol: number;
}

export const resultsDir = join(import.meta.dirname, 'results');

/**
 * Runs every peer for `steps` steps from the same data and initial weights, prints the losses,
 * saves them to bench/results/losses-<workload>.json, and throws if a peer strays from the
 * first one by more than its tolerance: a benchmark of different computations is no comparison.
 */
export async function verifyLosses(
  workload: string,
  peers: Record<string, Peer>,
  steps: number,
): Promise<void> {
  const losses: Record<string, number[]> = {};
  for (const [name, peer] of Object.entries(peers)) {
    await peer.before?.();
    const step = peer.make();
    losses[name] = Array.from({ length: steps }, () => step());
  }
  const [refName, ref] = Object.entries(losses)[0];
  const rows = Object.entries(losses).map(([name, l]) => {
    const worst = Math.max(...l.map((v, i) => Math.abs(v - ref[i]) / Math.abs(ref[i])));
    if (!(worst <= peers[name].rtol)) {
      throw new Error(
        `${workload}: ${name} reaches different losses than ${refName} (worst relative difference ${worst.toExponential(2)} > ${peers[name].rtol})`,
      );
    }
    return `  ${name.padEnd(18)} ${l[0].toPrecision(8)} → ${l[steps - 1].toPrecision(8)}  (max rel. diff ${worst.toExponential(1)})`;
  });
  console.log(`${workload}: loss at step 1 → step ${steps}\n${rows.join('\n')}`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `losses-${workload}.json`), JSON.stringify(losses));
}

/** Options of a step benchmark: warm up a little, then sample for `time` ms. */
export const stepOptions = (time: number) => ({
  time,
  iterations: 5,
  warmupTime: 100,
  warmupIterations: 2,
});
