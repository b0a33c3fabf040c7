import './setup.js';
import { bench, describe } from 'vitest';
import { type Peer, stepOptions, verifyLosses } from './compare.js';
import { rxgradTutorial, type Step } from './peers/rxgrad.js';
import { tfjsTutorial, useTf } from './peers/tfjs.js';

const peers: Record<string, Peer> = {
  'rxgrad js f64': { make: () => rxgradTutorial('js', 'float64'), rtol: 0 },
  'rxgrad wasm f64': { make: () => rxgradTutorial('wasm', 'float64'), rtol: 1e-9 },
  'rxgrad wasm f32': { make: () => rxgradTutorial('wasm', 'float32'), rtol: 1e-3 },
  'tfjs wasm f32': { make: tfjsTutorial, before: () => useTf('wasm'), rtol: 1e-3 },
  'tfjs cpu f32': { make: tfjsTutorial, before: () => useTf('cpu'), rtol: 1e-3 },
};

await verifyLosses('tutorial', peers, 20);

describe('tutorial: batch 128, 1000 → 100 relu → 1, SSE, SGD (one step)', () => {
  for (const [name, peer] of Object.entries(peers)) {
    let step: Step | undefined;
    bench(name, () => void step?.(), {
      ...stepOptions(name.includes('js') || name.includes('cpu') ? 1500 : 2500),
      setup: async () => {
        await peer.before?.();
        step ??= peer.make();
      },
    });
  }
});
