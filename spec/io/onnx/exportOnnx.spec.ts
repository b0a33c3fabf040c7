import ort from 'onnxruntime-node';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  Dropout,
  type DType,
  DTypeError,
  exportOnnx,
  GELU,
  Identity,
  LeakyReLU,
  Linear,
  Module,
  minMaxScaler,
  mlp,
  Neuron,
  oneHotEncoder,
  ReLU,
  randn,
  Sequential,
  ShapeError,
  Sigmoid,
  Softmax,
  standardScaler,
  Tanh,
  type Tensor,
} from '../../../lib/index.js';
import { ONNX_PROTO } from './onnxProto.js';

// An independent reading of the bytes: protobufjs with ONNX's schema, as onnx.load would.
const ModelProto = protobuf
  .parse(ONNX_PROTO, { keepCase: true })
  .root.lookupType('onnx.ModelProto');
const decode = (bytes: Uint8Array) =>
  ModelProto.toObject(ModelProto.decode(bytes), {
    longs: Number,
    bytes: Array,
    defaults: true,
  }) as {
    ir_version: number;
    producer_name: string;
    opset_import: { version: number }[];
    graph: {
      node: { op_type: string; input: string[]; output: string[] }[];
      initializer: { name: string; dims: number[]; data_type: number; raw_data: number[] }[];
      input: { name: string }[];
      output: { name: string }[];
    };
    metadata_props: { key: string; value: string }[];
  };

/** Runs the exported model in ONNX Runtime (CPU) on `x`. */
async function runOrt(bytes: Uint8Array, x: Tensor): Promise<Float32Array | Float64Array> {
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ input: new ort.Tensor(x.dtype, x.data, [...x.shape]) });
  return out.output.data as Float32Array | Float64Array;
}

/** Agreement of ONNX Runtime with rxgrad: float32 within 1e-5 relative, float64 within 1e-12. */
function expectClose(got: ArrayLike<number>, want: Tensor) {
  const rtol = want.dtype === 'float32' ? 1e-5 : 1e-12;
  const atol = want.dtype === 'float32' ? 1e-6 : 1e-14;
  expect(got.length).toBe(want.size);
  let worst = 0;
  for (let i = 0; i < want.size; i++) {
    worst = Math.max(worst, Math.abs(got[i] - want.data[i]) - rtol * Math.abs(want.data[i]));
  }
  expect(worst).toBeLessThanOrEqual(atol);
}

const input = (dtype: DType, shape: number[], seed = 1) => randn(shape, { dtype, seed }).detach();

const layers: Record<string, () => Module> = {
  ReLU: () => new ReLU(),
  Sigmoid: () => new Sigmoid(),
  Tanh: () => new Tanh(),
  LeakyReLU: () => new LeakyReLU(0.07),
  Softmax: () => new Softmax(),
  GELU: () => new GELU(),
  Identity: () => new Identity(),
  Dropout: () => new Dropout(0.5),
};

describe('exportOnnx, checked by ONNX Runtime', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    for (const [name, make] of Object.entries(layers)) {
      // NOTE: ONNX Runtime's CPU provider has no float64 Erf kernel, so a float64 GELU cannot
      // run there (see the structural test below); every other layer runs in both dtypes.
      if (dtype === 'float64' && name === 'GELU') continue;
      it(`Linear + ${name} (${dtype}): Gemm and MatMul+Add agree with rxgrad's forward`, async () => {
        const net = new Sequential(
          new Linear(5, 4, { dtype, seed: 2, biasInit: 'normal' }),
          make(),
        ).eval();
        const x = input(dtype, [6, 5]).mul(3);
        for (const linear of ['gemm', 'matmul'] as const) {
          for (const opset of [17, 20]) {
            const bytes = exportOnnx(net, { inputShape: [null, 5], linear, opset });
            expectClose(await runOrt(bytes, x), net.forward(x));
          }
        }
      });
    }
  }

  it('the comparison catches a wrong model (negative control)', async () => {
    const a = mlp([3, 2], { seed: 1 });
    const b = mlp([3, 2], { seed: 2 });
    const x = input('float64', [2, 3]);
    const got = await runOrt(exportOnnx(a, { inputShape: [null, 3] }), x);
    expect(() => expectClose(got, b.forward(x))).toThrow();
  });

  it('an mlp with scalers in front: standard (Sub/Div) and min-max (Sub/Mul/Add)', async () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const train = input(dtype, [20, 3], 5).mul(4).add(7);
      const standard = standardScaler().fit(train);
      const minmax = minMaxScaler({ range: [-1, 1] }).fit(train);
      const net = mlp([3, 8, 2], {
        dtype,
        seed: 3,
        activation: 'tanh',
        outputActivation: 'sigmoid',
      });
      const x = input(dtype, [4, 3], 9).mul(4).add(7);
      const both = exportOnnx(net, {
        inputShape: [null, 3],
        preprocessing: [minmax, standard.state()],
      });
      const types = decode(both).graph.node.map((n) => n.op_type);
      expect(types.slice(0, 5)).toEqual(['Sub', 'Mul', 'Add', 'Sub', 'Div']);
      expectClose(await runOrt(both, x), net.forward(standard.transform(minmax.transform(x))));
    }
  });

  it('Neuron, nested Sequential, Softmax on axis 0, a 3-d input (MatMul+Add), dynamic batch', async () => {
    const net = new Sequential(
      new Sequential(new Linear(3, 4, { seed: 1, biasInit: 'normal' }), new Tanh()),
      new Neuron(4, { activation: 'sigmoid', seed: 2 }),
      new Softmax(0),
    );
    const bytes = exportOnnx(net, { inputShape: ['batch', 3] });
    for (const n of [1, 7]) {
      const x = input('float64', [n, 3], n);
      expectClose(await runOrt(bytes, x), net.forward(x));
    }
    const deep = mlp([3, 4, 2], { seed: 4 });
    const x3 = input('float64', [2, 5, 3]);
    const bytes3 = exportOnnx(deep, { inputShape: [2, null, 3] });
    expect(decode(bytes3).graph.node.map((n) => n.op_type)).toEqual([
      'MatMul',
      'Add',
      'Relu',
      'MatMul',
      'Add',
    ]);
    expectClose(await runOrt(bytes3, x3), deep.forward(x3));
  });

  it('GELU in float64 is the erf decomposition (opset < 20) or a Gelu node (opset 20)', () => {
    const net = new Sequential(new Linear(2, 2), new GELU());
    expect(
      decode(exportOnnx(net, { inputShape: [null, 2] })).graph.node.map((n) => n.op_type),
    ).toEqual(['Gemm', 'Mul', 'Erf', 'Add', 'Mul', 'Mul']);
    expect(
      decode(exportOnnx(net, { inputShape: [null, 2], opset: 20 })).graph.node.map(
        (n) => n.op_type,
      ),
    ).toEqual(['Gemm', 'Gelu']);
  });

  it('writes a well-formed model: IR version of the opset, weights bit for bit under stateDict names', () => {
    const net = mlp([2, 3, 1], { seed: 8, dtype: 'float32' });
    const m = decode(
      exportOnnx(net, { inputShape: [null, 2], opset: 19, metadata: { task: 'demo' } }),
    );
    expect(m.ir_version).toBe(9);
    expect(m.opset_import[0].version).toBe(19);
    expect(m.producer_name).toBe('rxgrad');
    expect(m.metadata_props).toEqual([{ key: 'task', value: 'demo' }]);
    expect(m.graph.input[0].name).toBe('input');
    expect(m.graph.output[0].name).toBe('output');
    const w = m.graph.initializer.find((i) => i.name === 'layers.0.weight')!;
    expect(w.dims).toEqual([2, 3]);
    expect(w.data_type).toBe(1);
    const p = net.parameters()[0];
    expect(w.raw_data).toEqual([
      ...new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength),
    ]);
  });

  it('a model without nodes still maps input to output (Identity)', async () => {
    const x = input('float32', [2, 3]);
    const bytes = exportOnnx(new Sequential(), { inputShape: [null, 3], dtype: 'float32' });
    expect([...(await runOrt(bytes, x))]).toEqual([...x.data]);
  });

  it('says what cannot be exported', () => {
    class Custom extends Module {
      forward(x: Tensor) {
        return x;
      }
    }
    const net = mlp([3, 1]);
    expect(() => exportOnnx(new Sequential(new Custom()), { inputShape: [null, 3] })).toThrow(
      /model.layers.0 is a Custom, not one of the built-in layers/,
    );
    expect(() => exportOnnx(net, { inputShape: [null, 3], opset: 12 })).toThrow(
      /opset must be an integer from 13 to 21, got 12/,
    );
    expect(() => exportOnnx(net, { inputShape: [null, 4] })).toThrow(ShapeError);
    expect(() => exportOnnx(net, { inputShape: [null, 4] })).toThrow(
      /layers.0 \(Linear\(3 → 1, bias\)\) expects 3 features/,
    );
    expect(() => exportOnnx(net, { inputShape: [] })).toThrow(ArgumentError);
    const enc = oneHotEncoder().fit([[1], [2]]);
    expect(() => exportOnnx(net, { inputShape: [null, 3], preprocessing: enc })).toThrow(
      /only standardScaler and minMaxScaler/,
    );
    const mixed = new Sequential(new Linear(3, 2, { dtype: 'float32' }), new Linear(2, 1));
    expect(() => exportOnnx(mixed, { inputShape: [null, 3] })).toThrow(DTypeError);
  });
});
