import { bench, describe } from 'vitest';
import { type Peer, stepOptions, verifyLosses } from './compare.js';
import { rxgradCnn, type Step } from './peers/rxgrad.js';
import { tfjsCnn, tfjsCnnForward, useTf } from './peers/tfjs.js';

// NOTE: tfjs's WebAssembly backend (4.22) has no Conv2DBackpropFilter kernel, so it cannot
// train a CNN; it takes part in the forward-pass comparison only.
const training: Record<string, Peer> = {
  'rxgrad wasm f32': { make: () => rxgradCnn('wasm', 'float32'), rtol: 0 },
  'rxgrad wasm f64': { make: () => rxgradCnn('wasm', 'float64'), rtol: 1e-4 },
  'rxgrad js f32': { make: () => rxgradCnn('js', 'float32'), rtol: 1e-4 },
  'tfjs cpu f32': { make: tfjsCnn, before: () => useTf('cpu'), rtol: 1e-4 },
};
const forward: Record<string, Peer> = {
  'rxgrad wasm f32': { make: () => rxgradCnn('wasm', 'float32', true), rtol: 0 },
  'tfjs wasm f32': { make: tfjsCnnForward, before: () => useTf('wasm'), rtol: 1e-5 },
  'tfjs cpu f32': { make: tfjsCnnForward, before: () => useTf('cpu'), rtol: 1e-5 },
};

await verifyLosses('cnn', training, 5);
await verifyLosses('cnn-forward', forward, 2);

function group(peers: Record<string, Peer>, slow: (name: string) => boolean): void {
  for (const [name, peer] of Object.entries(peers)) {
    let step: Step | undefined;
    bench(name, () => void step?.(), {
      ...stepOptions(slow(name) ? 3000 : 4000),
      setup: async () => {
        await peer.before?.();
        step ??= peer.make();
      },
    });
  }
}

describe("cnn: batch 64, 1×28×28, the fashion demo's CNN (conv 32, conv 64, linear 3136 → 10), softmax cross-entropy, SGD (one step)", () => {
  group(training, (name) => name.includes('js f32') || name.includes('cpu'));
});

describe("cnn-forward: the same CNN's forward pass and loss, batch 64 (no training)", () => {
  group(forward, (name) => name.includes('cpu'));
});
