import './setup.js';
import { bench, describe } from 'vitest';
import { type Peer, stepOptions, verifyLosses } from './compare.js';
import { rxgradNeuron, type Step } from './peers/rxgrad.js';
import { tfjsNeuron, useTf } from './peers/tfjs.js';

const peers: Record<string, Peer> = {
  'rxgrad js f64': { make: () => rxgradNeuron('js', 'float64'), rtol: 0 },
  'rxgrad wasm f64': { make: () => rxgradNeuron('wasm', 'float64'), rtol: 1e-9 },
  'rxgrad wasm f32': { make: () => rxgradNeuron('wasm', 'float32'), rtol: 1e-4 },
  'tfjs wasm f32': { make: tfjsNeuron, before: () => useTf('wasm'), rtol: 1e-4 },
  'tfjs cpu f32': { make: tfjsNeuron, before: () => useTf('cpu'), rtol: 1e-4 },
};

await verifyLosses('neuron', peers, 50);

describe('neuron: one sigmoid neuron on 455×30, binary cross-entropy, SGD (one step)', () => {
  for (const [name, peer] of Object.entries(peers)) {
    let step: Step | undefined;
    bench(name, () => void step?.(), {
      ...stepOptions(1500),
      setup: async () => {
        await peer.before?.();
        step ??= peer.make();
      },
    });
  }
});
