import { describe, expect, it } from 'vitest';
import {
  accuracy,
  adam,
  batches,
  binaryAccuracy,
  crossEntropy,
  Dataset,
  datasets,
  mlp,
  mse,
  Neuron,
  noGrad,
  reshape,
  sgd,
  standardScaler,
  trainTestSplit,
} from '../../lib/index.js';

/** Standardise features with statistics of the training set only. */
function standardise(train: Dataset, test: Dataset): { train: Dataset; test: Dataset } {
  const scaler = standardScaler().fit(train.x);
  return {
    train: new Dataset(scaler.transform(train.x), train.y, train),
    test: new Dataset(scaler.transform(test.x), test.y, test),
  };
}

/** The tutorial's single sigmoid neuron on the breast-cancer data, trained by SGD on MSE. */
function trainNeuron(seed: number) {
  const split = trainTestSplit(datasets.breastCancer(), { testFraction: 0.2, seed });
  const { train, test } = standardise(split.train, split.test);
  const neuron = new Neuron(30, { activation: 'sigmoid', seed });
  const opt = sgd(neuron.parameters(), { lr: 0.5 });
  const loader = batches(train, { batchSize: 32, shuffle: true, seed });
  for (let epoch = 0; epoch < 20; epoch++) {
    for (const { x, y } of loader) {
      opt.zeroGrad();
      mse(neuron.forward(x), reshape(y, [-1, 1])).backward();
      opt.step();
    }
  }
  const prob = noGrad(() => neuron.forward(test.x));
  return {
    testSize: test.length,
    accuracy: binaryAccuracy(prob, test.y),
    weights: Array.from(neuron.parameters()[0].data),
  };
}

/** A small MLP on iris: softmax cross-entropy, Adam. */
function trainIris(seed: number) {
  const split = trainTestSplit(datasets.iris(), { testFraction: 0.2, seed, stratify: true });
  const { train, test } = standardise(split.train, split.test);
  const net = mlp([4, 16, 3], { activation: 'relu', seed });
  const opt = adam(net.parameters(), { lr: 0.01 });
  const loader = batches(train, { batchSize: 16, shuffle: true, seed });
  for (let epoch = 0; epoch < 100; epoch++) {
    for (const { x, y } of loader) {
      opt.zeroGrad();
      crossEntropy(net.forward(x), y).backward();
      opt.step();
    }
  }
  const logits = noGrad(() => net.forward(test.x));
  return {
    testSize: test.length,
    accuracy: accuracy(logits, test.y),
    weights: net.parameters().flatMap((p) => Array.from(p.data)),
  };
}

describe('tutorials (issue 3, done when)', () => {
  it('a single sigmoid neuron on breast cancer reaches ≥ 90 % test accuracy, deterministically', () => {
    const a = trainNeuron(42);
    const b = trainNeuron(42);
    expect(a.testSize).toBe(114); // ceil(569 · 0.2)
    expect(a.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(b.accuracy).toBe(a.accuracy);
    expect(b.weights).toEqual(a.weights);
  });

  it('a small MLP on iris reaches ≥ 90 % test accuracy, deterministically', () => {
    const a = trainIris(7);
    const b = trainIris(7);
    expect(a.testSize).toBe(30);
    expect(a.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(b.accuracy).toBe(a.accuracy);
    expect(b.weights).toEqual(a.weights);
  });

  // Not one lucky seed: over ten seeded splits and initialisations the mean clears the bar too
  // (one hard iris split, seed 5, sits at 86.7 %; the mean is what the tutorials report).
  it('over 10 seeds, both reach a mean test accuracy ≥ 90 %', () => {
    const seeds = Array.from({ length: 10 }, (_, i) => i);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(seeds.map((s) => trainNeuron(s).accuracy))).toBeGreaterThanOrEqual(0.9);
    expect(mean(seeds.map((s) => trainIris(s).accuracy))).toBeGreaterThanOrEqual(0.9);
  });
});
