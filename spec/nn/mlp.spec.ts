import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  adam,
  Identity,
  init,
  LeakyReLU,
  Linear,
  mean,
  mlp,
  mul,
  Random,
  ReLU,
  randn,
  Sequential,
  Sigmoid,
  Softmax,
  sub,
  Tanh,
  tensor,
} from '../../lib/index.js';

describe('mlp', () => {
  it('builds Linear, activation, …, Linear, then the output activation', () => {
    const net = mlp([30, 16, 8, 1], { outputActivation: 'sigmoid' });
    expect(net).toBeInstanceOf(Sequential);
    expect(net.layers.map((l) => l.constructor)).toEqual([
      Linear,
      ReLU,
      Linear,
      ReLU,
      Linear,
      Sigmoid,
    ]);
    expect(
      net.layers.filter((l) => l instanceof Linear).map((l) => (l as Linear).describe()),
    ).toEqual(['Linear(30 → 16, bias)', 'Linear(16 → 8, bias)', 'Linear(8 → 1, bias)']);
    expect(net.parameterCount()).toBe(30 * 16 + 16 + 16 * 8 + 8 + 8 + 1);
    expect(net.forward(randn([5, 30])).shape).toEqual([5, 1]);
  });

  it('no output activation by default; other activations by name or factory', () => {
    expect(mlp([2, 1]).layers.map((l) => l.constructor)).toEqual([Linear]);
    expect(
      mlp([4, 3, 3], { activation: 'tanh', outputActivation: 'softmax' }).layers.map(
        (l) => l.constructor,
      ),
    ).toEqual([Linear, Tanh, Linear, Softmax]);
    const leaky = mlp([2, 2, 2], { activation: () => new LeakyReLU(0.2) });
    expect((leaky.at(1) as LeakyReLU).slope).toBe(0.2);
    expect(mlp([2, 2, 2], { activation: 'linear' }).at(1)).toBeInstanceOf(Identity);
  });

  it('seeds all layers from one generator: same seed same net, layers differ', () => {
    const a = mlp([3, 3, 3, 3], { seed: 11 });
    const b = mlp([3, 3, 3, 3], { seed: 11 });
    const c = mlp([3, 3, 3, 3], { seed: 12 });
    const values = (n: Sequential) => n.parameters().map((p) => Array.from(p.data));
    expect(values(a)).toEqual(values(b));
    expect(values(a)).not.toEqual(values(c));
    expect(values(a)[0]).not.toEqual(values(a)[2]);
    // the layers draw in turn: layer 0's weights, its zero bias, then layer 1's weights
    const rng = new Random(11);
    const w0 = init.heUniform([3, 3], { rng });
    const w1 = init.heUniform([3, 3], { rng });
    expect(values(a)[0]).toEqual(Array.from(w0.data));
    expect(values(a)[2]).toEqual(Array.from(w1.data));
  });

  it('default init: He-uniform for relu-like hidden layers, Glorot-uniform otherwise', () => {
    const relu = mlp([64, 64], { seed: 1 }).at(0) as Linear;
    expect(Array.from(relu.weight.data)).toEqual(
      Array.from(init.heUniform([64, 64], { seed: 1 }).data),
    );
    const tanh = mlp([64, 64], { seed: 1, activation: 'tanh' }).at(0) as Linear;
    expect(Array.from(tanh.weight.data)).toEqual(
      Array.from(init.glorotUniform([64, 64], { seed: 1 }).data),
    );
    const given = mlp([4, 4], { init: 'ones' }).at(0) as Linear;
    expect(Array.from(given.weight.data)).toEqual(new Array(16).fill(1));
  });

  it('passes bias and dtype to every layer', () => {
    const net = mlp([3, 4, 2], { bias: false, dtype: 'float32' });
    expect(net.parameters().map((p) => [p.shape, p.dtype])).toEqual([
      [[3, 4], 'float32'],
      [[4, 2], 'float32'],
    ]);
  });

  it('rejects bad sizes and activations', () => {
    for (const sizes of [[3], [], [3, 0], [2.5, 1]]) {
      expect(() => mlp(sizes)).toThrow(ArgumentError);
    }
    expect(() => mlp([3])).toThrow(
      'mlp: sizes must list at least two positive integers (inputs, …, outputs), got [3]',
    );
    expect(() => mlp([2, 2, 1], { activation: 'swish' as never })).toThrow(
      /mlp \(activation\): unknown activation "swish"/,
    );
    expect(() => mlp([2, 1], { outputActivation: 'nope' as never })).toThrow(
      /mlp \(outputActivation\)/,
    );
  });

  it('learns XOR with Adam, deterministically by seed', () => {
    const x = tensor([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const y = tensor([[0], [1], [1], [0]]);
    const run = () => {
      const net = mlp([2, 8, 1], { activation: 'tanh', outputActivation: 'sigmoid', seed: 4 });
      const opt = adam(net.parameters(), { lr: 0.05 });
      const losses: number[] = [];
      for (let i = 0; i < 300; i++) {
        const d = sub(net.forward(x), y);
        const loss = mean(mul(d, d));
        losses.push(loss.item());
        opt.zeroGrad();
        loss.backward();
        opt.step();
      }
      return { net, losses };
    };
    const { net, losses } = run();
    expect(losses[299]).toBeLessThan(0.01);
    expect(losses[299]).toBeLessThan(losses[0] / 10);
    const pred = Array.from(net.forward(x).data).map((p) => (p > 0.5 ? 1 : 0));
    expect(pred).toEqual([0, 1, 1, 0]);
    expect(run().losses).toEqual(losses);
  });
});
