import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  AvgPool2d,
  BatchNorm1d,
  BatchNorm2d,
  buildModel,
  Conv2d,
  Dropout,
  describeArchitecture,
  Flatten,
  FormatError,
  GELU,
  GlobalAvgPool2d,
  Identity,
  LeakyReLU,
  Linear,
  MaxPool2d,
  Module,
  mlp,
  Neuron,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
  type Tensor,
} from '../../lib/index.js';

describe('describeArchitecture / buildModel', () => {
  it('describes an mlp as plain JSON data', () => {
    const spec = describeArchitecture(
      mlp([4, 8, 3], { outputActivation: 'softmax', dtype: 'float32' }),
    );
    expect(spec).toEqual({
      type: 'Sequential',
      layers: [
        { type: 'Linear', inFeatures: 4, outFeatures: 8, bias: true, dtype: 'float32' },
        { type: 'ReLU' },
        { type: 'Linear', inFeatures: 8, outFeatures: 3, bias: true, dtype: 'float32' },
        { type: 'Softmax', axis: -1 },
      ],
    });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('rebuilds every built-in layer with its settings (parameters zero until loaded)', () => {
    const net = new Sequential(
      new Linear(3, 2, { bias: false }),
      new Neuron(2, { activation: 'tanh', dtype: 'float64' }),
      new Sequential(new ReLU(), new Sigmoid(), new Tanh(), new GELU(), new Identity()),
      new LeakyReLU(0.2),
      new Softmax(0),
      new Dropout(0.1, { seed: 3 }),
    );
    const copy = buildModel(JSON.parse(JSON.stringify(describeArchitecture(net))));
    expect(copy.toString()).toBe(net.toString());
    expect(describeArchitecture(copy)).toEqual(describeArchitecture(net));
    expect(copy.parameters().every((p) => p.data.every((v) => v === 0))).toBe(true);
  });

  it('describes and rebuilds the convolutional layers with every setting', () => {
    const net = new Sequential(
      new Conv2d(2, 4, [3, 2], {
        stride: [1, 2],
        padding: [
          [1, 0],
          [2, 1],
        ],
        dilation: 2,
        groups: 2,
        bias: false,
        dtype: 'float32',
      }),
      new Conv2d(4, 4, 3, { padding: 'same' }),
      new BatchNorm2d(4, { eps: 1e-3, momentum: 0.2 }),
      new MaxPool2d(3, { stride: 2, padding: 1 }),
      new AvgPool2d([2, 1], { countIncludePad: false }),
      new GlobalAvgPool2d(),
      new Flatten(1, 3),
      new BatchNorm1d(4, { affine: false, trackRunningStats: false, dtype: 'float32' }),
    );
    const spec = describeArchitecture(net);
    expect((spec as { layers: unknown[] }).layers[0]).toEqual({
      type: 'Conv2d',
      inChannels: 2,
      outChannels: 4,
      kernelSize: [3, 2],
      stride: [1, 2],
      padding: [
        [1, 0],
        [2, 1],
      ],
      dilation: [2, 2],
      groups: 2,
      bias: false,
      dtype: 'float32',
    });
    const copy = buildModel(JSON.parse(JSON.stringify(spec)));
    expect(copy.toString()).toBe(net.toString());
    expect(describeArchitecture(copy)).toEqual(spec);
    expect(Object.keys(copy.stateDict())).toEqual(Object.keys(net.stateDict()));
  });

  it('names the path of a module that is not a built-in layer (subclasses included)', () => {
    class Custom extends Module {
      forward(x: Tensor) {
        return x;
      }
    }
    class MyLinear extends Linear {}
    expect(() => describeArchitecture(new Sequential(new ReLU(), new Custom()))).toThrow(
      ArgumentError,
    );
    expect(() => describeArchitecture(new Sequential(new ReLU(), new Custom()))).toThrow(
      /model.layers.1 is a Custom, not one of the built-in layers/,
    );
    expect(() => describeArchitecture(new MyLinear(1, 1))).toThrow(/model is a MyLinear/);
  });

  it('names the path and the problem of an invalid description', () => {
    expect(() =>
      buildModel({
        type: 'Sequential',
        layers: [
          { type: 'ReLU' },
          { type: 'Linear', inFeatures: 0, outFeatures: 1, bias: true, dtype: 'float64' },
        ],
      }),
    ).toThrow(/architecture.layers.1 \(Linear\): .*inFeatures must be a positive integer, got 0/);
    expect(() =>
      buildModel({ type: 'Linear', inFeatures: 1, outFeatures: 1, bias: 'yes' }),
    ).toThrow(/bias must be true or false/);
    expect(() => buildModel({ type: 'Dropout', p: 0.5, rng: null })).toThrow(FormatError);
    expect(() => buildModel(null)).toThrow(/must be an object with a type, got null/);
  });
});
