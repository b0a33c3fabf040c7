/**
 * Fingerprints of the benchmark workloads: the loss of every step (as the bits of the float64
 * value) and a hash of the bits of the final weights, on each backend and dtype, with plain SGD
 * as benchmarked and with the other optimiser updates. A change that is meant to be fast but
 * numerically neutral must leave every fingerprint as it was.
 *
 *   npx tsx bench/fingerprint.ts           # compares with bench/results/fingerprint.json
 *   npx tsx bench/fingerprint.ts --write   # records it (do this before the change)
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  adam,
  adamw,
  type DType,
  type Optimizer,
  rmsprop,
  setBackend,
  sgd,
  type Tensor,
} from '../lib/index.js';
import { ensureRelaxedSimd } from '../scripts/relaxedSimd.js';
import { SETTINGS } from './data.js';
import { MODELS, type Model } from './peers/rxgrad.js';

// Relaxed SIMD as the vitest bench runs it (on Node 20: this script again, with V8's flag).
ensureRelaxedSimd();

type Backend = 'js' | 'wasm';
type MakeOptimizer = (params: Tensor[], lr: number) => Optimizer;

const OPTIMIZERS: Record<string, MakeOptimizer> = {
  sgd: (ps, lr) => sgd(ps, { lr }),
  momentum: (ps, lr) => sgd(ps, { lr, momentum: 0.9 }),
  nesterov: (ps, lr) => sgd(ps, { lr, momentum: 0.9, nesterov: true, weightDecay: 1e-4 }),
  adam: (ps) => adam(ps, { lr: 1e-3 }),
  adamL2: (ps) => adam(ps, { lr: 1e-3, weightDecay: 1e-4 }),
  adamw: (ps) => adamw(ps, { lr: 1e-3 }),
  rmsprop: (ps) => rmsprop(ps, { lr: 1e-4 }),
};

interface Workload {
  /** Parameters, then a function computing the loss tensor. */
  build(dtype: DType): Model;
  lr: number;
  steps: number;
}

const WORKLOADS: Record<keyof typeof MODELS, Workload> = {
  tutorial: { build: MODELS.tutorial, lr: SETTINGS.tutorial.lr, steps: 40 },
  neuron: { build: MODELS.neuron, lr: SETTINGS.neuron.lr, steps: 200 },
  mlp: { build: MODELS.mlp, lr: SETTINGS.mlp.lr, steps: 6 },
};

/** FNV-1a over the bytes of every parameter, as 8 hex digits. */
function hashOf(params: readonly Tensor[]): string {
  let h = 0x811c9dc5;
  for (const p of params) {
    const bytes = new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const bits = (v: number) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
};

interface Print {
  losses: string[];
  weights: string;
}

function run(
  name: keyof typeof WORKLOADS,
  backend: Backend,
  dtype: DType,
  optimizer: string,
): Print {
  const w = WORKLOADS[name];
  setBackend(backend);
  const { params, loss } = w.build(dtype);
  const opt = OPTIMIZERS[optimizer](params, w.lr);
  const losses: string[] = [];
  // the optimiser variants need fewer steps to show any difference in their arithmetic
  const steps = optimizer === 'sgd' ? w.steps : Math.min(w.steps, 20);
  for (let s = 0; s < steps; s++) {
    const l = loss();
    l.backward();
    opt.step();
    opt.zeroGrad();
    losses.push(bits(l.item()));
  }
  return { losses, weights: hashOf(params) };
}

const file = join(import.meta.dirname, 'results', 'fingerprint.json');
const prints: Record<string, Print> = {};
for (const name of Object.keys(WORKLOADS) as (keyof typeof WORKLOADS)[]) {
  for (const backend of ['wasm', 'js'] as const) {
    for (const dtype of ['float64', 'float32'] as const) {
      // the js MLP is slow (~1 s a step): plain SGD only
      const opts = name === 'mlp' && backend === 'js' ? ['sgd'] : Object.keys(OPTIMIZERS);
      for (const optimizer of opts) {
        prints[`${name} ${backend} ${dtype} ${optimizer}`] = run(name, backend, dtype, optimizer);
      }
    }
  }
}

if (process.argv.includes('--write')) {
  writeFileSync(file, `${JSON.stringify(prints, null, 1)}\n`);
  console.log(`fingerprint: ${Object.keys(prints).length} runs written to ${file}`);
} else {
  if (!existsSync(file)) throw new Error(`no ${file}: record it first with --write`);
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Print>;
  const bad: string[] = [];
  for (const [key, p] of Object.entries(prints)) {
    const b = before[key];
    if (!b) bad.push(`${key}: not in the recorded fingerprint`);
    else {
      const step = p.losses.findIndex((l, i) => l !== b.losses[i]);
      if (step >= 0) bad.push(`${key}: loss differs from step ${step + 1}`);
      else if (p.weights !== b.weights) bad.push(`${key}: final weights differ`);
    }
  }
  if (bad.length > 0) {
    console.error(
      `fingerprint: ${bad.length} of ${Object.keys(prints).length} differ\n${bad.join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`fingerprint: all ${Object.keys(prints).length} runs bit-identical`);
}
