import { lastValueFrom, Subject, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  adam,
  type ControlCommand,
  checkpoint,
  Dataset,
  Dropout,
  decodeSnapshot,
  encodeSnapshot,
  FormatError,
  fit as fitModel,
  Linear,
  load,
  type Module,
  ReLU,
  randn,
  Sequential,
  type Snapshot,
  save,
  type TrainEvent,
} from '../../lib/index.js';

const bitsOf = (data: Float32Array | Float64Array) => [
  ...new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
];

function setup() {
  const model = new Sequential(
    new Linear(3, 8, { seed: 1, dtype: 'float32' }),
    new ReLU(),
    new Dropout(0.2, { seed: 2 }),
    new Linear(8, 1, { seed: 3, dtype: 'float32' }),
  );
  const x = randn([40, 3], { seed: 4, dtype: 'float32' });
  const y = randn([40, 1], { seed: 5, dtype: 'float32' });
  const optimizer = adam(model.parameters(), { lr: 0.01 });
  return { model, data: new Dataset(x, y), optimizer };
}

const options = {
  loss: 'mse' as const,
  epochs: 4,
  batchSize: 8,
  seed: 7,
  sliceMs: 0,
  emit: 'step' as const,
};

async function run(resumeFrom?: Snapshot, sink?: (s: Snapshot) => void) {
  const { model, data, optimizer } = setup();
  const control$ = new Subject<ControlCommand>();
  const events: TrainEvent[] = await lastValueFrom(
    fitModel(model, data, { ...options, optimizer, resumeFrom, control$ }).pipe(
      checkpoint({ control$, every: 3, unit: 'step', sink }),
      toArray(),
    ),
  );
  return { model, events };
}

describe('encodeSnapshot / decodeSnapshot', () => {
  it('round-trips a checkpoint snapshot exactly: weights, optimiser buffers, RNG states, position', async () => {
    const snapshots: Snapshot[] = [];
    await run(undefined, (s) => {
      snapshots.push(s);
    });
    expect(snapshots.length).toBeGreaterThan(3);
    for (const s of snapshots) {
      const back: Snapshot = decodeSnapshot(encodeSnapshot(s));
      const { weights, ...rest } = back;
      const { weights: w0, ...rest0 } = s;
      expect(rest).toEqual(rest0);
      expect(Object.keys(weights)).toEqual(Object.keys(w0));
      for (const [name, w] of Object.entries(weights)) {
        expect(w.dtype).toBe(w0[name].dtype);
        expect(w.shape).toEqual(w0[name].shape);
        expect(bitsOf(w.data)).toEqual(bitsOf(w0[name].data));
      }
    }
  });

  it('a run resumed from a persisted checkpoint ends bit for bit where the uninterrupted run ends', async () => {
    const full = await run();
    const files: Uint8Array[] = [];
    await run(undefined, (s) => {
      files.push(encodeSnapshot(s));
    });
    const middle: Snapshot = decodeSnapshot(files[Math.floor(files.length / 2)]);
    const resumed = await run(middle);
    const params = (m: Module) => m.parameters().map((p) => bitsOf(p.data));
    expect(params(resumed.model)).toEqual(params(full.model));
    const epochs = (events: TrainEvent[]) =>
      events.filter((e) => e.type === 'epoch').map((e) => ({ ...e, elapsedMs: 0 }));
    expect(epochs(resumed.events)).toEqual(
      epochs(full.events).slice(-epochs(resumed.events).length),
    );
    expect(epochs(resumed.events).length).toBeGreaterThan(0);
  });

  it('with the model, the checkpoint is also a model file that load() rebuilds', async () => {
    let last: Snapshot | undefined;
    const { model } = await run(undefined, (s) => {
      last = s;
    });
    const bytes = encodeSnapshot(last!, { model, metadata: { run: 'a' } });
    const loaded = load(bytes);
    expect(loaded.model.toString()).toBe(model.toString());
    expect(loaded.metadata).toEqual({ run: 'a' });
    expect(loaded.optimizer?.step).toBe(last!.step);
    expect(() => load(encodeSnapshot(last!))).toThrow(
      /checkpoint snapshot saved without its model's architecture/,
    );
  });

  it('says what is wrong with a file that is not a valid snapshot', async () => {
    let last: Snapshot | undefined;
    await run(undefined, (s) => {
      last = s;
    });
    const { model } = setup();
    expect(() => decodeSnapshot(save(model))).toThrow(
      /holds a model saved by save\(\), not a checkpoint snapshot/,
    );
    const badRng = {
      ...last!,
      rng: { data: { s: [1], spare: null }, modules: {} },
    } as unknown as Snapshot;
    expect(() => decodeSnapshot(encodeSnapshot(badRng))).toThrow(FormatError);
    expect(() => decodeSnapshot(encodeSnapshot(badRng))).toThrow(/rng 'data'/);
    const bytes = encodeSnapshot(last!);
    expect(() => decodeSnapshot(bytes.subarray(0, bytes.length - 4))).toThrow(/out of range/);
    expect(() => encodeSnapshot(last!, { model: new Sequential(new Linear(3, 1)) })).toThrow(
      /the model's parameters .* are not the snapshot's weights/,
    );
  });
});
