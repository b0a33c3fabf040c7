import { describe, expect, it } from 'vitest';
import { fromOp } from '../../lib/autograd/index.js';
import {
  ArgumentError,
  checkModuleGradients,
  Dropout,
  GradError,
  gradCheck,
  Linear,
  Module,
  mlp,
  mse,
  mul,
  Sequential,
  sum,
  Tanh,
  type Tensor,
  tensor,
} from '../../lib/index.js';
import { expectError } from '../core/helpers.js';

const x = tensor([
  [0.5, -1, 2],
  [1, 0.25, -0.5],
]);
const y = tensor([[0.3], [-0.2]]);

/** tanh(x) with a gradient 10 % off: the negative control of a layer. */
class WrongTanh extends Module {
  forward(t: Tensor): Tensor {
    const out = t.data.map(Math.tanh);
    return fromOp('wrongTanh', out, t.shape, [t], (g, r) => [mul(g, mul(sub1(r), 1.1))]);
  }
}
function sub1(r: Tensor): Tensor {
  return tensor(
    Array.from(r.data, (v) => 1 - v * v),
    { shape: r.shape },
  );
}

describe('checkModuleGradients', () => {
  it("checks a model's own gradients: passes when right, names the parameters", () => {
    const net = mlp([3, 4, 1], { activation: 'tanh', seed: 0 });
    const report = checkModuleGradients(net, (m) => mse(m.forward(x), y));
    expect(report.passed).toBe(true);
    expect(report.inputs.map((r) => r.name)).toEqual([
      'layers.0.weight',
      'layers.0.bias',
      'layers.2.weight',
      'layers.2.bias',
    ]);
    // not vacuous: the analytic gradients are not zero
    expect(report.inputs.every((r) => r.worst !== null)).toBe(true);
  });

  it('negative control: a layer with a wrong gradient fails, naming the parameter', () => {
    const net = new Sequential(
      new Linear(3, 2, { seed: 1 }),
      new WrongTanh(),
      new Linear(2, 1, { seed: 2 }),
    );
    const report = checkModuleGradients(net, (m) => mse(m.forward(x), y));
    expect(report.passed).toBe(false);
    expect(report.message).toMatch(
      /gradient of input 0 \('layers\.0\.weight'\) \(shape \[3,2\], float64\) does not match/,
    );
    expect(() =>
      checkModuleGradients(net, (m) => mse(m.forward(x), y), { throwOnFailure: true }),
    ).toThrow(GradError);
  });

  it('is what gradCheck over a closure gives (that closure used to pass vacuously)', () => {
    const net = new Sequential(
      new Linear(3, 2, { seed: 1 }),
      new WrongTanh(),
      new Linear(2, 1, { seed: 2 }),
    );
    expect(gradCheck(() => mse(net.forward(x), y), net.parameters()).passed).toBe(false);
  });

  it('float32 models are differenced through float64 twins and restored', () => {
    const net = mlp([3, 2, 1], { activation: 'tanh', seed: 3, dtype: 'float32' });
    const before = net.parameters().map((p) => [p.data, Array.from(p.data)] as const);
    const report = checkModuleGradients(net, (m) =>
      sum(m.forward(tensor(x.data, { shape: [2, 3], dtype: 'float32' }))),
    );
    expect(report.passed).toBe(true);
    expect(report.inputs.every((r) => r.dtype === 'float32' && r.float32?.passed)).toBe(true);
    net.parameters().forEach((p, i) => {
      expect(p.dtype).toBe('float32');
      expect(p.data).toBe(before[i][0]);
      expect(Array.from(p.data)).toEqual(before[i][1]);
      expect(p.grad).toBeNull();
    });
  });

  it("runs in eval mode (Dropout off) and restores each module's mode", () => {
    const net = new Sequential(
      new Linear(3, 4, { seed: 4 }),
      new Tanh(),
      new Dropout(0.5, { seed: 5 }),
      new Linear(4, 1, { seed: 6 }),
    );
    net.layers[3].eval();
    expect(checkModuleGradients(net, (m) => mse(m.forward(x), y)).passed).toBe(true);
    expect(net.layers.map((m) => m.training)).toEqual([true, true, true, false]);
    expect(net.training).toBe(true);
  });

  it('refuses a parameter the loss does not use, and bad arguments', () => {
    const net = new Sequential(new Linear(3, 1, { seed: 7 }), new Linear(1, 1, { seed: 8 }));
    expectError(
      () => checkModuleGradients(net, (m) => mse(m.layers[0].forward(x), y)),
      GradError,
      "gradCheck: input 2 ('layers.1.weight') (shape [1,1]) has no effect on f's output, so its check could not fail: expected f to compute with the tensors passed (its arguments, or a closure over them such as a Module's parameters), got no recorded op that uses it and no change when it moves; argnums can leave it out",
    );
    expectError(
      () => checkModuleGradients({} as never, () => tensor(1)),
      ArgumentError,
      'checkModuleGradients: model must be a Module, got object',
    );
    expectError(
      () => checkModuleGradients(net, 'mse' as never),
      ArgumentError,
      'checkModuleGradients: loss must be a function (model) => Tensor, got string',
    );
    expectError(
      () => checkModuleGradients(new Tanh(), (m) => sum(m.forward(x))),
      ArgumentError,
      'checkModuleGradients: the Tanh has no trainable parameters',
    );
  });
});
