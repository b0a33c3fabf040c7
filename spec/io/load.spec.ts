import { describe, expect, it } from 'vitest';
import {
  BatchNorm2d,
  Conv2d,
  Dropout,
  DTypeError,
  decodeSafetensors,
  encodeSafetensors,
  Flatten,
  FormatError,
  Linear,
  labelEncoder,
  load,
  MaxPool2d,
  Module,
  minMaxScaler,
  mlp,
  oneHotEncoder,
  Random,
  ReLU,
  RxgradError,
  randn,
  readCsv,
  Sequential,
  ShapeError,
  save,
  sgd,
  standardScaler,
  Tensor,
  tensor,
} from '../../lib/index.js';
import { bits, train } from './fixtures/training.js';

describe('load', () => {
  it('rebuilds an mlp without code: same architecture, same outputs bit for bit (float32 and float64)', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const net = mlp([3, 5, 4, 2], {
        activation: 'tanh',
        outputActivation: 'softmax',
        seed: 7,
        dtype,
      });
      const { model } = load(save(net));
      expect(model).toBeInstanceOf(Sequential);
      expect(model.toString()).toBe(net.toString());
      const x = new Tensor(
        dtype === 'float32' ? new Float32Array(6).fill(0.3) : new Float64Array(6).fill(0.3),
        [2, 3],
      );
      expect(bits(model.forward(x))).toEqual(bits(net.forward(x)));
    }
  });

  it('rebuilds every built-in layer with its settings, Dropout with its generator state', () => {
    const net = new Sequential(
      new Linear(2, 3, { seed: 1, bias: false }),
      ...['ReLU', 'Sigmoid', 'Tanh', 'GELU', 'Identity'].map((n) => {
        const built = load(
          save(
            mlp([1, 1], { outputActivation: n === 'GELU' ? 'gelu' : (n.toLowerCase() as never) }),
          ),
        );
        return (built.model as Sequential).at(1);
      }),
      new Dropout(0.25, { seed: 9 }),
    );
    const rebuilt = load(save(net)).model as Sequential;
    expect(rebuilt.toString()).toBe(net.toString());
    const drop = rebuilt.at(-1) as Dropout;
    expect(drop.p).toBe(0.25);
    expect(drop.rng.state()).toEqual((net.at(-1) as Dropout).rng.state());
  });

  it('a CNN with BatchNorm: parameters and running statistics saved and rebuilt, outputs bit for bit', () => {
    const net = new Sequential(
      new Conv2d(1, 3, 3, { padding: 1, seed: 1, dtype: 'float32' }),
      new BatchNorm2d(3, { dtype: 'float32' }),
      new ReLU(),
      new MaxPool2d(2),
      new Flatten(),
      new Linear(3 * 4 * 4, 2, { seed: 2, dtype: 'float32' }),
    );
    net.forward(randn([4, 1, 8, 8], { seed: 3, dtype: 'float32' })); // moves the running statistics
    net.eval();
    const bytes = save(net);
    const names = Object.keys(decodeSafetensors(bytes).tensors);
    expect(names).toContain('layers.1.runningMean');
    expect(names).toContain('layers.1.runningVar');
    const { model } = load(bytes);
    const bn = (model as Sequential).at(1) as BatchNorm2d;
    expect(bn.runningVar!.data).toEqual(((net.at(1) as BatchNorm2d).runningVar as Tensor).data);
    model.eval();
    const x = randn([2, 1, 8, 8], { seed: 4, dtype: 'float32' });
    expect(bits(model.forward(x))).toEqual(bits(net.forward(x)));
    // a file without the statistics does not load into a model that has them
    const { 'layers.1.runningVar': _, ...rest } = decodeSafetensors(bytes).tensors;
    expect(() => load(encodeSafetensors(rest), { into: model })).toThrow(
      "load: the file has no tensor 'layers.1.runningVar' (shape [3]) for the Sequential",
    );
  });

  it('restores the optimiser exactly: continued training matches the uninterrupted run bit for bit', () => {
    const a = mlp([2, 4, 1], { seed: 3 });
    const optA = sgd(a.parameters(), { lr: 0.1, momentum: 0.9 });
    train(a, optA, 2);
    const bytes = save(a, { optimizer: optA });
    train(a, optA, 3);

    const b = mlp([2, 4, 1], { seed: 99 });
    const optB = sgd(b.parameters(), { lr: 0.5, momentum: 0.9 });
    const loaded = load(bytes, { into: b, optimizer: optB });
    expect(loaded.model).toBe(b);
    expect(optB.stepCount).toBe(2);
    train(b, optB, 3);
    for (const [pa, pb] of a.parameters().map((p, i) => [p, b.parameters()[i]]))
      expect(bits(pb)).toEqual(bits(pa));
  });

  it('brings back preprocessing (fitted), RNG state, metadata and extra data with exact numbers', () => {
    const x = tensor([
      [1, 10],
      [3, 30],
      [5, 70],
    ]);
    const scaler = standardScaler().fit(x);
    const range = minMaxScaler({ range: [-1, 1] }).fit(x);
    const labels = labelEncoder().fit(['b', 'a', 'b']);
    const rng = new Random(5);
    rng.normal();
    const extra = { best: -Infinity, history: [0.1, Number.NaN, -0], note: 'x' };
    const out = load(
      save(mlp([2, 1]), {
        preprocessing: { x: scaler, range, y: labels },
        rng,
        metadata: { task: 't' },
        extra,
      }),
    );
    expect(out.preprocessing.x.transform(x).toArray()).toEqual(scaler.transform(x).toArray());
    expect(out.preprocessing.range.transform(x).toArray()).toEqual(range.transform(x).toArray());
    expect(out.preprocessing.y.state()).toEqual(labels.state());
    expect(out.rng).toEqual(rng.state());
    const r = new Random(0);
    load(save(mlp([2, 1]), { rng }), { rng: r });
    expect([r.normal(), r.uniform()]).toEqual([rng.normal(), rng.uniform()]);
    expect(out.metadata).toEqual({ task: 't' });
    expect(out.extra).toEqual(extra);
    expect(Object.is((out.extra as typeof extra).history[2], -0)).toBe(true);
  });

  it('reads a plain safetensors file (no manifest) into a given model', async () => {
    const { encodeSafetensors } = await import('../../lib/index.js');
    const net = new Linear(2, 1);
    load(encodeSafetensors({ weight: tensor([[3], [4]]), bias: tensor([5]) }), { into: net });
    expect(net.forward(tensor([[1, 1]])).toArray()).toEqual([[12]]);
    expect(() => load(encodeSafetensors({ weight: tensor([[3], [4]]) }))).toThrow(
      /no rxgrad manifest.*pass \{ into: model \}/,
    );
  });

  it('names the key of a shape or dtype mismatch, and changes nothing', () => {
    const small = mlp([2, 3, 1], { seed: 1 });
    const wide = mlp([2, 4, 1], { seed: 2 });
    const before = wide.parameters().map(bits);
    expect(() => load(save(small), { into: wide })).toThrow(ShapeError);
    expect(() => load(save(small), { into: wide })).toThrow(
      "load: 'layers.0.weight' has shape [2,3] in the file, but the model expects [2,4]",
    );
    const f32 = mlp([2, 4, 1], { seed: 2, dtype: 'float32' });
    expect(() => load(save(f32), { into: wide })).toThrow(DTypeError);
    expect(() => load(save(f32), { into: wide })).toThrow(
      /'layers.0.weight' is float32 in the file/,
    );
    expect(wide.parameters().map(bits)).toEqual(before);
  });

  it('reports missing and unexpected tensors by name', () => {
    const net = new Linear(2, 1, { seed: 1 });
    expect(() => load(encodeSafetensors({ weight: tensor([[1], [2]]) }), { into: net })).toThrow(
      /no tensor 'bias' \(shape \[1\]\)/,
    );
    const extra = encodeSafetensors({
      weight: tensor([[1], [2]]),
      bias: tensor([0]),
      'fc.x': tensor([1]),
    });
    expect(() => load(extra, { into: net })).toThrow(
      /tensor 'fc.x' in the file is not a parameter/,
    );
  });

  it('never half-loads: a bad optimiser state leaves the weights untouched', () => {
    const a = mlp([2, 3, 1], { seed: 1 });
    const optA = sgd(a.parameters(), { lr: 0.1, momentum: 0.9 });
    train(a, optA);
    const bytes = save(a, { optimizer: optA });
    const b = mlp([2, 3, 1], { seed: 2 });
    const wrong = sgd(b.parameters(), { lr: 0.1 }); // no momentum: the saved buffers do not fit
    const before = b.parameters().map(bits);
    expect(() => load(bytes, { into: b, optimizer: wrong })).toThrow(/momentum/);
    expect(b.parameters().map(bits)).toEqual(before);
    expect(wrong.stepCount).toBe(0);
    const right = sgd(b.parameters(), { lr: 0.1, momentum: 0.9 });
    expect(() => load(bytes, { into: b, optimizer: right, rng: new Random(1) })).toThrow(
      'load: the file holds no RNG state',
    );
    expect(right.stepCount).toBe(0);
    expect(b.parameters().map(bits)).toEqual(before);
  });

  it('a corrupt manifest or architecture is a FormatError, and a custom module needs { into }', () => {
    const net = mlp([2, 1]);
    const { tensors } = decodeSafetensors(save(net));
    expect(() => load(encodeSafetensors(tensors, { rxgrad: '{oops' }))).toThrow(
      /manifest: invalid JSON/,
    );
    expect(() => load(encodeSafetensors(tensors, { rxgrad: '{"version":99}' }))).toThrow(
      /manifest version 99 is newer/,
    );
    const bad = JSON.stringify({
      version: 1,
      modelClass: 'Sequential',
      parameters: [],
      architecture: { type: 'Sequential', layers: [{ type: 'Conv9' }] },
    });
    expect(() => load(encodeSafetensors(tensors, { rxgrad: bad }))).toThrow(
      /architecture.layers.0 \(Conv9\): unknown layer type "Conv9"/,
    );
    class Custom extends Module {
      fc = new Linear(2, 1);
      forward(x: Tensor) {
        return this.fc.forward(x);
      }
    }
    const bytes = save(new Custom());
    expect(() => load(bytes)).toThrow(/holds a Custom.*pass \{ into: new Custom/);
    expect(load(bytes, { into: new Custom() }).architecture).toBeNull();
  });

  it('a truncated or bit-flipped file is a FormatError, never a model with wrong weights', () => {
    const bytes = save(mlp([3, 4, 2], { seed: 4 }), { metadata: { a: 'b' } });
    for (const cut of [0, 7, 8, 20, bytes.length - 1]) {
      expect(() => load(bytes.subarray(0, cut))).toThrow(FormatError);
    }
    const header = bytes.slice();
    header[12] = 0x00; // inside the JSON header
    expect(() => load(header)).toThrow(FormatError);
  });
});

describe('load: the preprocessing it returns', () => {
  it('transforms a table, labels or a tensor as it is (no cast), and checks what it gets', () => {
    const table = readCsv('colour,size\nred,1\nblue,2\nred,3\n', { categorical: ['colour'] });
    const encoder = oneHotEncoder().fit(table, ['colour']);
    const labels = labelEncoder().fit(['cat', 'dog']);
    const net = mlp([2, 1], { seed: 0 });
    const { preprocessing } = load(save(net, { preprocessing: { x: encoder, y: labels } }));
    // These lines are the test as much as the values: they type-check without a cast.
    expect(preprocessing.x.transform(table).toArray()).toEqual(encoder.transform(table).toArray());
    expect(preprocessing.y.transform(['dog', 'cat']).toArray()).toEqual([1, 0]);
    expect(() => preprocessing.y.transform(['bird'])).toThrow(RxgradError);
    const scaled = load(
      save(net, { preprocessing: { x: standardScaler().fit(tensor([[1], [3]])) } }),
    );
    expect(scaled.preprocessing.x.transform(tensor([[3]])).toArray()).toEqual([[1]]);
    expect(() => scaled.preprocessing.x.transform(table)).toThrow(RxgradError);
  });
});
