/**
 * A real image classifier, the step the tutorials promise after the digits: Fashion-MNIST
 * (28×28 grey-scale clothes, ten classes), a small convolutional network against an MLP of about
 * the same size, trained with `fit`. The balanced subset in data/fashion-mnist (10,000 + 2,000
 * images) by default; the full 60,000 + 10,000 with `--data DIR`.
 */
import { join } from 'node:path';
import { map } from 'rxjs';
import {
  adam,
  Conv2d,
  cosineDecay,
  type Dataset,
  type EpochEvent,
  evaluate,
  Flatten,
  fashionMnistClasses,
  fit,
  Linear,
  MaxPool2d,
  type Module,
  noGrad,
  ReLU,
  Sequential,
  slice,
  type Tensor,
  type TrainEvent,
} from '../lib/index.js';
import { loadMnist } from '../lib/node/index.js';
import { type Demo, type DemoOptions, formatTable, logFigures, percent } from './common.js';
import { exportCheck } from './exportCheck.js';
import { drawFigures, type EpochRow, range } from './fashionFigures.js';
import { collect } from './train.js';

/** The subset shipped in the repository (data/fashion-mnist/README.md). */
export const SUBSET_DIR = join(import.meta.dirname, '..', 'data', 'fashion-mnist');

/** The network of the demo and of the benchmark: two conv + pool blocks and a linear head. */
export const CNN_CHANNELS = [32, 64] as const;

/** conv 3×3 (1 → c1) · relu · max-pool 2 · conv 3×3 (c1 → c2) · relu · max-pool 2 · linear (c2·7·7 → 10). */
export function fashionCnn(seed: number): Sequential {
  const [c1, c2] = CNN_CHANNELS;
  return new Sequential(
    new Conv2d(1, c1, 3, { padding: 1, dtype: 'float32', seed }),
    new ReLU(),
    new MaxPool2d(2),
    new Conv2d(c1, c2, 3, { padding: 1, dtype: 'float32', seed: seed + 1 }),
    new ReLU(),
    new MaxPool2d(2),
    new Flatten(),
    new Linear(c2 * 7 * 7, 10, { dtype: 'float32', seed: seed + 2 }),
  );
}

/** An MLP with about as many parameters as the CNN: 784 → h (relu) → 10. */
export function fashionMlp(seed: number, hidden = 64): Sequential {
  return new Sequential(
    new Flatten(),
    new Linear(784, hidden, { dtype: 'float32', seed, init: 'heUniform' }),
    new ReLU(),
    new Linear(hidden, 10, { dtype: 'float32', seed: seed + 1 }),
  );
}

/**
 * Trains `model` with Adam (learning rate 2e-3 on a cosine decay to 0), batch 64, and measures
 * the test accuracy after every epoch (outside the epoch's time; the model in eval mode).
 */
async function train(
  o: DemoOptions,
  model: Module,
  data: Dataset,
  test: Dataset,
  epochCount: number,
): Promise<EpochRow[]> {
  const batchSize = 64;
  const steps = epochCount * Math.ceil(data.length / batchSize);
  const optimizer = adam(model.parameters(), { lr: cosineDecay(2e-3, { steps }) });
  const rows: EpochRow[] = [];
  const run$ = fit(model, data, {
    loss: 'crossEntropy',
    optimizer,
    epochs: epochCount,
    batchSize,
    seed: o.seed,
  }).pipe(
    map((e: TrainEvent): TrainEvent => {
      if (e.type !== 'epoch') return e;
      // runs before the next step: the event describes the model as it is now
      const testAccuracy = evaluate(model, test, ['accuracy']).metrics.accuracy;
      rows.push({ epoch: e.epoch, loss: e.loss, testAccuracy, seconds: e.elapsedMs / 1000 });
      return { ...e, valMetrics: { accuracy: testAccuracy } } satisfies EpochEvent;
    }),
  );
  await collect(o, run$);
  return rows;
}

/** The class with the largest logit of each row, `batch` rows at a time. */
function predict(model: Module, x: Tensor, batch = 500): number[] {
  model.eval();
  const out: number[] = [];
  noGrad(() => {
    for (let start = 0; start < x.shape[0]; start += batch) {
      const n = Math.min(batch, x.shape[0] - start);
      const logits = model.forward(slice(x, start, n)).data;
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let c = 1; c < 10; c++) if (logits[i * 10 + c] > logits[i * 10 + best]) best = c;
        out.push(best);
      }
    }
  });
  return out;
}

function table(rows: readonly EpochRow[]): string[] {
  return formatTable([
    ['epoch', 'train loss', 'test acc', 'time'],
    ...rows.map((r) => [
      String(r.epoch),
      r.loss.toFixed(4),
      percent(r.testAccuracy),
      `${r.seconds.toFixed(1)} s`,
    ]),
  ]);
}

async function run(o: DemoOptions) {
  const log = o.log;
  const full = o.data !== undefined;
  const dir = o.data ?? SUBSET_DIR;
  const loaded = await loadMnist(dir, { classNames: fashionMnistClasses });
  // --fast (the tests): 4,000 of the subset's training images, 1,000 test images, 3 epochs
  const train0 = o.fast ? loaded.train.subset(range(4000)) : loaded.train;
  const test = o.fast ? loaded.test.subset(range(1000)) : loaded.test;
  const epochCount = o.epochs ?? (o.fast ? 3 : full ? 6 : 3);
  log(
    `Fashion-MNIST ${full ? `from ${dir}` : '(the balanced subset in data/fashion-mnist)'}: ${train0.length} training and ${test.length} test images of 28×28 pixels, 10 classes.`,
  );
  log('Pixels divided by 255; float32.');
  const cnn = fashionCnn(o.seed);
  const mlp = fashionMlp(o.seed);
  log('');
  log(`CNN, ${cnn.parameterCount().toLocaleString('en-US')} parameters:`);
  for (const line of cnn.toString().split('\n').slice(1, -1)) log(`  ${line.trim()}`);
  log(`MLP, ${mlp.parameterCount().toLocaleString('en-US')} parameters: 784 → 64 (relu) → 10.`);
  log(
    `Both: softmax cross-entropy, Adam with a cosine decay of the learning rate from 2e-3 to 0, batch 64, ${epochCount} epochs.`,
  );

  const results: Record<string, { rows: EpochRow[]; seconds: number }> = {};
  for (const [name, model] of [
    ['CNN', cnn],
    ['MLP', mlp],
  ] as const) {
    log('');
    log(`Training the ${name}:`);
    const started = performance.now();
    const rows = await train(o, model, train0, test, epochCount);
    const seconds = (performance.now() - started) / 1000;
    results[name] = { rows, seconds };
    for (const line of table(rows)) log(`  ${line}`);
    log(
      `  ${name}: test accuracy ${percent(rows.at(-1)!.testAccuracy)} after ${epochCount} epochs, ${seconds.toFixed(1)} s in all (${(rows.reduce((s, r) => s + r.seconds, 0) / rows.length).toFixed(1)} s of training per epoch).`,
    );
  }

  const predicted = predict(cnn, test.x);
  const truth = Array.from(test.y.data);
  const correct = predicted.filter((p, i) => p === truth[i]).length;
  const cnnAccuracy = correct / truth.length;
  const mlpAccuracy = results.MLP.rows.at(-1)!.testAccuracy;
  log('');
  log(
    `CNN ${percent(cnnAccuracy)} (${correct} of ${truth.length}) against MLP ${percent(mlpAccuracy)} on the test images.`,
  );

  const figures = await drawFigures(o, cnn, test, predicted, truth, results);
  logFigures(log, figures);

  // Save, reload, export to ONNX and run it in ONNX Runtime on the first 1000 test images.
  const exported = await exportCheck({
    outDir: o.outDir,
    log,
    model: cnn,
    x: slice(test.x, 0, Math.min(1000, test.length)),
    metadata: { demo: 'fashion', seed: String(o.seed) },
  });
  return {
    numbers: {
      cnnAccuracy,
      mlpAccuracy,
      epochs: epochCount,
      trainImages: train0.length,
      testImages: test.length,
      cnnSeconds: results.CNN.seconds,
      mlpSeconds: results.MLP.seconds,
      cnnParameters: cnn.parameterCount(),
      mlpParameters: mlp.parameterCount(),
      ...exported.numbers,
    },
    figures,
    series: {
      cnnTestAccuracy: results.CNN.rows.map((r) => r.testAccuracy),
      mlpTestAccuracy: results.MLP.rows.map((r) => r.testAccuracy),
      predictions: Array.from(exported.predictions),
    },
  };
}

export const fashion: Demo = {
  name: 'fashion',
  summary: 'a CNN against an MLP on Fashion-MNIST: filters, confusion matrix, ONNX export',
  run,
};
