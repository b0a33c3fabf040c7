import { describe, expect, it } from 'vitest';
import {
  accuracy,
  adam,
  avgPool2d,
  batches,
  batchNorm,
  conv2d,
  crossEntropy,
  datasets,
  globalAvgPool2d,
  grad,
  Linear,
  maxPool2d,
  mlp,
  mul,
  noGrad,
  ones,
  pad,
  pow,
  ReLU,
  randn,
  relu,
  Sequential,
  standardScaler,
  sum,
  type Tensor,
  tensor,
  trainTestSplit,
  zeros,
} from '../../lib/index.js';

// The README's examples, run as written, so the README stays true.
describe('README examples', () => {
  it('one neuron, define-by-run: relu(sum(mul(x, w))) = 19 and dy/dw = x', () => {
    const x = tensor([2, 3, 4]);
    const w = tensor([1, -1, 5], { requiresGrad: true });
    const y = relu(sum(mul(x, w)));
    expect(y.item()).toBe(19);
    y.backward();
    expect(w.grad?.toArray()).toEqual([2, 3, 4]);
  });

  it('grad and nested grad of sum(x³) at 2 give 12 and 12', () => {
    const f = (x: Tensor) => sum(pow(x, 3));
    expect(grad(f)(tensor([2])).toArray()).toEqual([12]);
    expect(grad((x: Tensor) => sum(grad(f)(x)))(tensor([2])).toArray()).toEqual([12]);
  });

  it('models, a data pipeline and an optimiser loop reach ≥ 90 % on iris', () => {
    const model = new Sequential(
      new Linear(4, 16, { seed: 1 }),
      new ReLU(),
      new Linear(16, 3, { seed: 2 }),
    );
    expect(mlp([4, 16, 3], { activation: 'relu', seed: 1 }).parameterCount()).toBe(
      model.parameterCount(),
    );
    expect(`${model}`).toContain('Total trainable parameters: 131');

    const iris = datasets.iris();
    const { train, test } = trainTestSplit(iris, { testFraction: 0.2, seed: 7, stratify: true });
    const scaler = standardScaler().fit(train.x);
    const opt = adam(model.parameters(), { lr: 0.01 });
    const loader = batches(train, { batchSize: 16, shuffle: true, seed: 7 });
    for (let epoch = 0; epoch < 100; epoch++) {
      for (const { x, y } of loader) {
        const loss = crossEntropy(model.forward(scaler.transform(x)), y);
        opt.zeroGrad();
        loss.backward();
        opt.step();
      }
    }
    const pred = noGrad(() => model.forward(scaler.transform(test.x)));
    expect(accuracy(pred, test.y)).toBeGreaterThanOrEqual(0.9);
  });

  it('convolution, pooling, padding and batch norm: the shapes the README shows', () => {
    const x = randn([8, 3, 32, 32], { seed: 0 });
    const w = randn([16, 3, 3, 3], { seed: 1, requiresGrad: true });
    const b = zeros([16], { requiresGrad: true });
    const y = conv2d(x, w, { bias: b, padding: 'same' });
    const p = maxPool2d(y, 2);
    const g = globalAvgPool2d(p);
    expect([y.shape, p.shape, g.shape]).toEqual([
      [8, 16, 32, 32],
      [8, 16, 16, 16],
      [8, 16, 1, 1],
    ]);
    sum(g).backward();
    expect(w.grad?.shape).toEqual([16, 3, 3, 3]);
    expect(b.grad?.shape).toEqual([16]);
    expect(
      conv2d(x, w, {
        stride: 2,
        padding: [
          [1, 0],
          [1, 0],
        ],
        dilation: 1,
      }).shape,
    ).toEqual([8, 16, 16, 16]);
    expect(avgPool2d(x, 3, { stride: 1, padding: 1, countIncludePad: false }).shape).toEqual([
      8, 3, 32, 32,
    ]);
    expect(
      pad(x, [
        [0, 0],
        [0, 0],
        [2, 2],
        [2, 2],
      ]).shape,
    ).toEqual([8, 3, 36, 36]);
    const runningMean = zeros([3]);
    const runningVar = ones([3]);
    batchNorm(x, { runningMean, runningVar, training: true });
    expect(Array.from(runningMean.data).every((v) => v !== 0)).toBe(true);
  });
});
