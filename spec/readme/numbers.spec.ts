import { describe, expect, it } from 'vitest';
import {
  accuracy,
  adam,
  batches,
  crossEntropy,
  datasets,
  grad,
  Linear,
  mlp,
  mul,
  noGrad,
  pow,
  ReLU,
  relu,
  Sequential,
  standardScaler,
  sum,
  type Tensor,
  tensor,
  trainTestSplit,
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
});
