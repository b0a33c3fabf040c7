import { describe, expect, it } from 'vitest';
import { ArgumentError, Linear, sgd, tensor } from '../../lib/index.js';
import { expectClose, makeParams, moved, oracle, run, type Vec } from './harness.js';

interface SgdOracle {
  lr: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
}

// torch.optim.SGD, as its documentation writes the algorithm
function sgdOracle(o: SgdOracle, steps: number): Vec[][] {
  const { lr, momentum: mu = 0, dampening: tau = 0, nesterov = false, weightDecay: wd = 0 } = o;
  return oracle(
    steps,
    (n) => new Array<number>(n).fill(0),
    (theta, grad, b, t) => {
      for (let j = 0; j < theta.length; j++) {
        let g = grad[j];
        if (wd !== 0) g = g + wd * theta[j];
        if (mu !== 0) {
          b[j] = t > 1 ? mu * b[j] + (1 - tau) * g : g;
          g = nesterov ? g + mu * b[j] : b[j];
        }
        theta[j] = theta[j] - lr * g;
      }
    },
  );
}

describe('sgd matches its published update over several steps', () => {
  const cases: [string, SgdOracle][] = [
    ['plain', { lr: 0.1 }],
    ['momentum', { lr: 0.05, momentum: 0.9 }],
    ['momentum with dampening', { lr: 0.05, momentum: 0.8, dampening: 0.3 }],
    ['Nesterov', { lr: 0.05, momentum: 0.9, nesterov: true }],
    ['weight decay', { lr: 0.1, weightDecay: 0.01 }],
    ['everything', { lr: 0.02, momentum: 0.7, nesterov: true, weightDecay: 0.05 }],
  ];
  for (const [name, options] of cases) {
    it(name, () => {
      const params = makeParams();
      const expected = sgdOracle(options, 6);
      expect(moved(expected)).toBe(true);
      expectClose(run(sgd(params, options), params, 6), expected);
    });
  }

  it('the first plain step is exactly θ − lr·g', () => {
    const p = tensor([1, 2], { requiresGrad: true });
    p.grad = tensor([0.5, -4]);
    sgd([p], { lr: 0.25 }).step();
    expect(Array.from(p.data)).toEqual([1 - 0.25 * 0.5, 2 + 0.25 * 4]);
  });

  it('float32 parameters follow the float64 oracle to float32 precision', () => {
    const params = makeParams('float32');
    const options = { lr: 0.05, momentum: 0.9 };
    expectClose(run(sgd(params, options), params, 6), sgdOracle(options, 6), 1e-5);
    expect(params[0].data).toBeInstanceOf(Float32Array);
  });
});

describe('sgd behaviour', () => {
  it('skips parameters without a gradient and counts steps', () => {
    const [a, b] = makeParams();
    const opt = sgd([a, b], { lr: 0.1, momentum: 0.9 });
    a.grad = tensor([1, 1, 1, 1, 1, 1], { shape: [2, 3] });
    const before = Array.from(b.data);
    opt.step();
    expect(Array.from(b.data)).toEqual(before);
    expect(opt.state().buffers.momentum[1]).toEqual([]);
    expect(opt.stepCount).toBe(1);
  });

  it('zeroGrad clears gradients; params is the list given; lr is settable', () => {
    const params = makeParams();
    const opt = sgd(params, { lr: 0.1 });
    params[0].grad = tensor([0, 0, 0, 0, 0, 0], { shape: [2, 3] });
    opt.zeroGrad();
    expect(params.map((p) => p.grad)).toEqual([null, null]);
    expect(opt.params).toEqual(params);
    opt.lr = 0.5;
    expect(opt.lr).toBe(0.5);
    const p = tensor([1], { requiresGrad: true });
    const o2 = sgd([p], { lr: 0.1 });
    o2.lr = 0.5;
    p.grad = tensor([1]);
    o2.step();
    expect(p.item()).toBe(0.5);
    expect(() => {
      o2.lr = -1;
    }).toThrow('sgd: lr must be a non-negative finite number, got -1');
  });

  it('works on a module’s parameters with autograd gradients', () => {
    const fc = new Linear(2, 1, { init: 'zeros' });
    const opt = sgd(fc.parameters(), { lr: 0.5 });
    fc.forward(tensor([[1, 2]]))
      .sum()
      .backward();
    opt.step();
    // d(x·w + b)/dw = x, /db = 1
    expect(Array.from(fc.weight.data)).toEqual([-0.5, -1]);
    expect(Array.from(fc.bias!.data)).toEqual([-0.5]);
  });
});

describe('sgd option and parameter errors', () => {
  const p = () => [tensor([1], { requiresGrad: true })];
  const cases: [string, () => unknown, string | RegExp][] = [
    ['missing lr', () => sgd(p(), {} as never), 'sgd: lr is required'],
    [
      'negative lr',
      () => sgd(p(), { lr: -0.1 }),
      /sgd: lr must be a non-negative finite number or a schedule \(step => lr\), got -0\.1/,
    ],
    ['NaN lr', () => sgd(p(), { lr: Number.NaN }), /got NaN/],
    [
      'negative momentum',
      () => sgd(p(), { lr: 1, momentum: -0.5 }),
      'sgd: momentum must be a finite number ≥ 0, got -0.5',
    ],
    [
      'dampening above 1',
      () => sgd(p(), { lr: 1, momentum: 0.9, dampening: 2 }),
      'sgd: dampening must be a finite number in [0, 1], got 2',
    ],
    [
      'nesterov without momentum',
      () => sgd(p(), { lr: 1, nesterov: true }),
      'sgd: nesterov needs momentum > 0 and dampening 0, got momentum 0, dampening 0',
    ],
    [
      'nesterov with dampening',
      () => sgd(p(), { lr: 1, momentum: 0.9, dampening: 0.1, nesterov: true }),
      /nesterov needs momentum > 0 and dampening 0/,
    ],
    [
      'negative weight decay',
      () => sgd(p(), { lr: 1, weightDecay: -1 }),
      'sgd: weightDecay must be a finite number ≥ 0, got -1',
    ],
    [
      'an unknown option',
      () => sgd(p(), { lr: 1, learningRate: 1 } as never),
      "sgd: unknown option 'learningRate' (known: lr, momentum, dampening, nesterov, weightDecay)",
    ],
    [
      'a module instead of tensors',
      () => sgd(new Linear(1, 1) as never, { lr: 1 }),
      'sgd: params must be an array of tensors (pass model.parameters()), got Linear',
    ],
    ['an empty list', () => sgd([], { lr: 1 }), 'sgd: params is empty'],
    [
      'a non-tensor',
      () => sgd([1] as never, { lr: 1 }),
      'sgd: params[0] must be a Tensor, got number',
    ],
    [
      'a non-leaf',
      () => sgd([tensor([1], { requiresGrad: true }).mul(2)], { lr: 1 }),
      /sgd: params\[0\] is the result of an op \(mul\)/,
    ],
    [
      'a duplicate',
      () => {
        const t = tensor([1], { requiresGrad: true });
        return sgd([t, t], { lr: 1 });
      },
      'sgd: params[1] appears more than once',
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(make).toThrow(ArgumentError);
      expect(make).toThrow(message);
    });
  }
});
