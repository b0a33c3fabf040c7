import './setup.js';
import { bench, describe } from 'vitest';
import { type Peer, stepOptions, verifyLosses } from './compare.js';
import { rxgradMlp, type Step } from './peers/rxgrad.js';
import { tfjsMlp, useTf } from './peers/tfjs.js';

const peers: Record<string, Peer> = {
  'rxgrad wasm f32': { make: () => rxgradMlp('wasm', 'float32'), rtol: 0 },
  'rxgrad wasm f64': { make: () => rxgradMlp('wasm', 'float64'), rtol: 1e-4 },
  'rxgrad js f32': { make: () => rxgradMlp('js', 'float32'), rtol: 1e-4 },
  'tfjs wasm f32': { make: tfjsMlp, before: () => useTf('wasm'), rtol: 1e-4 },
  'tfjs cpu f32': { make: tfjsMlp, before: () => useTf('cpu'), rtol: 1e-4 },
};

await verifyLosses('mlp', peers, 5);

describe('mlp: batch 256, 784 → 512 → 512 → 10, softmax cross-entropy, SGD (one step)', () => {
  for (const [name, peer] of Object.entries(peers)) {
    let step: Step | undefined;
    bench(name, () => void step?.(), {
      ...stepOptions(name.includes('wasm') ? 2500 : 2000),
      setup: async () => {
        await peer.before?.();
        step ??= peer.make();
      },
    });
  }
});
