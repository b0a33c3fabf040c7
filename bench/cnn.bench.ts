import './setup.js';
import { bench, describe } from 'vitest';
import { WASM_THRESHOLDS } from '../lib/backend/wasm/wasmBackend.js';
import { getBackend } from '../lib/index.js';
import { type Peer, stepOptions, verifyLosses } from './compare.js';
import { rxgradCnn, type Step } from './peers/rxgrad.js';
import { tfjsCnn, tfjsCnnForward, useTf } from './peers/tfjs.js';

// NOTE: vitest also runs this file in the per-backend test projects, whose setup files switch
// the backend to 'js' or drop the WebAssembly size thresholds to 0; a tfjs cpu training step
// takes tens of seconds, so the CNN is measured once, in the plain project only.
const plainProject = getBackend().name === 'wasm' && WASM_THRESHOLDS.matmul > 0;

// NOTE: tfjs's WebAssembly backend (4.22) has no Conv2DBackpropFilter kernel, so it cannot
// train a CNN; it takes part in the forward-pass comparison only.
const training: Record<string, Peer> = {
  'rxgrad wasm f32': { make: () => rxgradCnn('wasm', 'float32'), rtol: 0 },
  'rxgrad wasm f64': { make: () => rxgradCnn('wasm', 'float64'), rtol: 1e-4 },
  'rxgrad js f32': { make: () => rxgradCnn('js', 'float32'), rtol: 1e-4 },
};
/** tfjs's CPU backend needs tens of seconds a step: two steps to check, two to time. */
const slow: Record<string, Peer> = {
  'rxgrad wasm f32': training['rxgrad wasm f32'],
  'tfjs cpu f32': { make: tfjsCnn, before: () => useTf('cpu'), rtol: 1e-4 },
};
const forward: Record<string, Peer> = {
  'rxgrad wasm f32': { make: () => rxgradCnn('wasm', 'float32', true), rtol: 0 },
  'tfjs wasm f32': { make: tfjsCnnForward, before: () => useTf('wasm'), rtol: 1e-5 },
  'tfjs cpu f32': { make: tfjsCnnForward, before: () => useTf('cpu'), rtol: 1e-5 },
};

if (plainProject) {
  await verifyLosses('cnn', training, 5);
  await verifyLosses('cnn-tfjs-cpu', slow, 2);
  await verifyLosses('cnn-forward', forward, 2);
}

function group(peers: Record<string, Peer>, options: (name: string) => object): void {
  for (const [name, peer] of Object.entries(peers)) {
    let step: Step | undefined;
    bench(name, () => void step?.(), {
      ...options(name),
      setup: async () => {
        await peer.before?.();
        step ??= peer.make();
      },
    });
  }
}

describe.skipIf(!plainProject)(
  "cnn: batch 64, 1×28×28, the fashion demo's CNN (conv 32, conv 64, linear 3136 → 10), softmax cross-entropy, SGD (one step)",
  () => {
    group(training, (name) => stepOptions(name.includes('js f32') ? 3000 : 4000));
    group({ 'tfjs cpu f32': slow['tfjs cpu f32'] }, () => ({
      time: 0,
      iterations: 2,
      warmupTime: 0,
      warmupIterations: 0,
    }));
  },
);

describe.skipIf(!plainProject)(
  "cnn-forward: the same CNN's forward pass and loss, batch 64 (no training)",
  () => {
    group(forward, (name) => stepOptions(name.includes('cpu') ? 3000 : 4000));
  },
);
