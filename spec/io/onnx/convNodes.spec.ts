import ort from 'onnxruntime-node';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  AvgPool2d,
  BatchNorm1d,
  BatchNorm2d,
  Conv2d,
  type DType,
  exportOnnx,
  Flatten,
  GlobalAvgPool2d,
  Linear,
  MaxPool2d,
  type Module,
  noGrad,
  ReLU,
  randn,
  Sequential,
  ShapeError,
  type Tensor,
} from '../../../lib/index.js';
import { expectError } from '../../core/helpers.js';
import { ONNX_PROTO } from './onnxProto.js';

const ModelProto = protobuf
  .parse(ONNX_PROTO, { keepCase: true })
  .root.lookupType('onnx.ModelProto');
const decode = (bytes: Uint8Array) =>
  ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, defaults: true }) as {
    graph: { node: { op_type: string }[]; initializer: { data_type: number }[] };
  };

// Convolutional Sequential models exported to ONNX and run in ONNX Runtime (CPU), against
// rxgrad's forward pass in evaluation mode.

async function runOrt(bytes: Uint8Array, x: Tensor): Promise<Float32Array | Float64Array> {
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ input: new ort.Tensor(x.dtype, x.data, [...x.shape]) });
  return out.output.data as Float32Array | Float64Array;
}

/** |Δ| ≤ atol + rtol·|y| everywhere: float32 1e-6 + 1e-5·|y|, float64 1e-14 + 1e-12·|y|. */
function expectAgrees(got: ArrayLike<number>, want: Tensor): void {
  const [atol, rtol] = want.dtype === 'float32' ? [1e-6, 1e-5] : [1e-14, 1e-12];
  expect(got.length).toBe(want.size);
  const outside: number[] = [];
  for (let i = 0; i < want.size; i++) {
    if (!(Math.abs(got[i] - want.data[i]) <= atol + rtol * Math.abs(want.data[i]))) outside.push(i);
  }
  expect(outside.slice(0, 5).map((i) => [got[i], want.data[i]])).toEqual([]);
}

/** A model trained a little in training mode, so BatchNorm's running statistics are not the initial ones. */
function warmed(model: Module, shape: number[], dtype: DType): Module {
  for (let s = 0; s < 3; s++) model.forward(randn(shape, { dtype, seed: 10 + s }));
  return model.eval();
}

async function check(model: Module, shape: number[], dtype: DType): Promise<void> {
  const m = warmed(model, shape, dtype);
  const x = randn(shape, { dtype, seed: 99 });
  const want = noGrad(() => m.forward(x));
  const bytes = exportOnnx(m, { inputShape: [null, ...shape.slice(1)] });
  expectAgrees(await runOrt(bytes, x), want);
}

const cnn = (dtype: DType) =>
  new Sequential(
    new Conv2d(1, 4, 3, { padding: 1, dtype, seed: 1 }),
    new BatchNorm2d(4, { dtype }),
    new ReLU(),
    new MaxPool2d(2),
    new Conv2d(4, 6, [3, 2], { stride: [1, 2], padding: 'valid', dtype, seed: 2 }),
    new ReLU(),
    new AvgPool2d(2, { stride: 1, padding: 1, countIncludePad: false }),
    new Flatten(),
    new Linear(6 * 4 * 3, 8, { dtype, seed: 3 }),
    new BatchNorm1d(8, { dtype }),
    new ReLU(),
    new Linear(8, 3, { dtype, seed: 4 }),
  );

describe('ONNX export of convolutional networks, run in ONNX Runtime', () => {
  it('a CNN with every layer (Conv, BatchNormalization, MaxPool, AveragePool, Flatten) in float32', async () => {
    await check(cnn('float32'), [5, 1, 10, 10], 'float32');
  });

  it("padding 'same' (asymmetric), explicit asymmetric pads, dilation, groups; GlobalAveragePool", async () => {
    const model = new Sequential(
      new Conv2d(2, 4, [4, 2], { padding: 'same', seed: 1, dtype: 'float32' }),
      new Conv2d(4, 4, 3, {
        padding: [
          [1, 0],
          [2, 1],
        ],
        dilation: 2,
        groups: 2,
        seed: 2,
        dtype: 'float32',
      }),
      new AvgPool2d(3, { stride: 2, padding: 1 }),
      new GlobalAvgPool2d(),
      new Flatten(),
    );
    await check(model, [3, 2, 9, 8], 'float32');
  });

  it('float64: BatchNormalization and MaxPool run in float64; Conv and AveragePool are exported in float64 too', async () => {
    const model = new Sequential(
      new BatchNorm2d(3),
      new MaxPool2d(2),
      new Flatten(),
      new Linear(3 * 16, 2, { seed: 6 }),
    );
    await check(model, [2, 3, 8, 8], 'float64');
    // NOTE: ONNX Runtime's CPU provider has no float64 Conv or AveragePool kernel: such a file is
    // valid ONNX (double weights and input) that this runtime refuses; export in float32 to run it.
    const conv = new Sequential(new Conv2d(1, 2, 3, { seed: 1 }), new AvgPool2d(3));
    const graph = decode(exportOnnx(conv, { inputShape: [null, 1, 5, 5] })).graph;
    expect(graph.node.map((n) => n.op_type)).toEqual(['Conv', 'AveragePool']);
    expect(graph.initializer.map((t) => t.data_type)).toEqual([11, 11]);
  });

  it('Flatten of other axes is a Reshape', async () => {
    const model = new Sequential(
      new Conv2d(1, 2, 1, { seed: 1, dtype: 'float32' }),
      new Flatten(2),
    );
    await check(model, [2, 1, 3, 4], 'float32');
  });

  it('names the layer when the input does not fit, or a BatchNorm has no running statistics', () => {
    expectError(
      () => exportOnnx(new Sequential(new Conv2d(3, 4, 3)), { inputShape: [null, 1, 28, 28] }),
      ShapeError,
      'exportOnnx: layers.0 (Conv2d(3 → 4, 3×3)) expects input [N, 3, H, W], got input shape [-1,1,28,28]',
    );
    expectError(
      () =>
        exportOnnx(new Sequential(new BatchNorm2d(2, { trackRunningStats: false })), {
          inputShape: [null, 2, 4, 4],
        }),
      ArgumentError,
      "exportOnnx: layers.0 (BatchNorm2d(2, no running stats)) has no running statistics: in evaluation it normalises each batch with its own, which ONNX's BatchNormalization cannot express",
    );
  });
});
