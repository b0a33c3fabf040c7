/**
 * Times rxgrad's training steps alone (no peers, no vitest): median, 10th percentile and best
 * ms per step of each workload, backend and dtype. For quick before/after comparisons of one
 * change, run against two checkouts in turn (the medians swing with the machine's load; the
 * 10th percentile and the best step less).
 *
 *   npx tsx bench/steps.ts [prefix]     # e.g. 'neuron', 'tutorial wasm'; N=… steps per run
 */
import { ensureRelaxedSimd } from '../scripts/relaxedSimd.js';
import { rxgradMlp, rxgradNeuron, rxgradTutorial, type Step } from './peers/rxgrad.js';

// Relaxed SIMD as the vitest bench runs it (on Node 20: this script again, with V8's flag).
ensureRelaxedSimd();

const n = (steps: number) => Number(process.env.N ?? steps);
const RUNS: [string, () => Step, number][] = [
  ['neuron wasm f64', () => rxgradNeuron('wasm', 'float64'), n(3000)],
  ['neuron wasm f32', () => rxgradNeuron('wasm', 'float32'), n(3000)],
  ['neuron js f64', () => rxgradNeuron('js', 'float64'), n(3000)],
  ['tutorial wasm f64', () => rxgradTutorial('wasm', 'float64'), 600],
  ['tutorial wasm f32', () => rxgradTutorial('wasm', 'float32'), 600],
  ['tutorial js f64', () => rxgradTutorial('js', 'float64'), 40],
  ['mlp wasm f32', () => rxgradMlp('wasm', 'float32'), 60],
  ['mlp wasm f64', () => rxgradMlp('wasm', 'float64'), 40],
];

const prefix = process.argv[2] ?? '';
for (const [name, make, steps] of RUNS) {
  if (!name.startsWith(prefix)) continue;
  const step = make();
  for (let i = 0; i < Math.min(50, steps / 5); i++) step();
  const ms: number[] = [];
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    step();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.floor(q * (steps - 1))].toFixed(4);
  console.log(`${name.padEnd(18)} median ${at(0.5)}  p10 ${at(0.1)}  best ${at(0)} ms`);
}
