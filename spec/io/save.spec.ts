import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  adam,
  decodeSafetensors,
  type Module,
  mlp,
  parseExact,
  save,
  standardScaler,
} from '../../lib/index.js';
import { bits, train } from './fixtures/training.js';

describe('save', () => {
  it('stores the parameters under their stateDict names, in their dtype, readable as plain safetensors', () => {
    const net = mlp([2, 3, 1], { seed: 1, dtype: 'float32' });
    const { tensors, metadata } = decodeSafetensors(save(net, { metadata: { format: 'pt' } }));
    expect(Object.keys(tensors).sort()).toEqual([
      'layers.0.bias',
      'layers.0.weight',
      'layers.2.bias',
      'layers.2.weight',
    ]);
    expect(tensors['layers.0.weight'].dtype).toBe('float32');
    expect(bits(tensors['layers.0.weight'])).toEqual(bits(net.at(0).parameters()[0]));
    expect(metadata.format).toBe('pt');
    const manifest = parseExact(metadata.rxgrad, 'test') as {
      architecture: { type: string; layers: { type: string }[] };
    };
    expect(manifest.architecture.type).toBe('Sequential');
    expect(manifest.architecture.layers.map((l) => l.type)).toEqual(['Linear', 'ReLU', 'Linear']);
  });

  it('stores the optimiser buffers as float64 tensors optimizer.<buffer>.<i>, values exact', () => {
    const net = mlp([2, 2, 1], { seed: 2, dtype: 'float32' });
    const opt = adam(net.parameters(), { lr: 0.01 });
    train(net, opt);
    const { tensors } = decodeSafetensors(save(net, { optimizer: opt }));
    const state = opt.state();
    expect(Object.keys(state.buffers).length).toBeGreaterThan(0);
    for (const [key, list] of Object.entries(state.buffers)) {
      list.forEach((values, i) => {
        const t = tensors[`optimizer.${key}.${i}`];
        expect(t.dtype).toBe('float64');
        expect([...t.data]).toEqual(values);
      });
    }
  });

  it('refuses reserved metadata keys, bad preprocessing and bad RNG states with clear errors', () => {
    const net = mlp([2, 1]);
    expect(() => save(net, { metadata: { rxgrad: 'x' } })).toThrow(
      /metadata key 'rxgrad' is reserved/,
    );
    expect(() => save(net, { preprocessing: { x: standardScaler() } })).toThrow(
      /preprocessing 'x': .*not fitted/,
    );
    expect(() => save(net, { rng: { s: [1, 2], spare: null } as never })).toThrow(ArgumentError);
    expect(() => save({} as Module)).toThrow(/model must be a Module, got Object/);
  });
});
