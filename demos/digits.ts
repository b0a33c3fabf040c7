/**
 * An image classifier, the next step the tutorials promise: the 8×8 handwritten digits
 * (1797 images), an MLP with softmax cross-entropy, a grid of test images with their
 * predicted and true labels, and the confusion matrix.
 */
import {
  accuracy,
  adam,
  confusionMatrix,
  Dataset,
  datasets,
  div,
  evaluate,
  fit,
  mlp,
  noGrad,
  trainTestSplit,
} from '../lib/index.js';
import { heatmap, imageGrid, linePlot } from '../lib/plot/index.js';
import {
  type Demo,
  type DemoOptions,
  formatTable,
  logFigures,
  percent,
  writeFigure,
} from './common.js';
import { exportCheck } from './exportCheck.js';
import { collect, epochs } from './train.js';

function argmaxRows(data: ArrayLike<number>, classes: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < data.length / classes; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++)
      if (data[i * classes + c] > data[i * classes + best]) best = c;
    out.push(best);
  }
  return out;
}

async function run(o: DemoOptions) {
  const log = o.log;
  const epochCount = o.epochs ?? (o.fast ? 10 : 30);
  const ds = datasets.digits();
  const { train, test } = trainTestSplit(ds, { testFraction: 0.2, seed: o.seed, stratify: true });
  // pixels are 0–16: scale to [0, 1]
  const scale = (d: Dataset) => new Dataset(div(d.x, 16), d.y);
  const trainSet = scale(train);
  const testSet = scale(test);
  log(
    `Digits: ${ds.length} images of 8×8 pixels (0–16), 10 classes; stratified split (seed ${o.seed}):`,
  );
  log(`${train.length} train, ${test.length} test. Pixels divided by 16.`);
  const model = mlp([64, 64, 10], { seed: o.seed });
  const optimizer = adam(model.parameters(), { lr: 0.01 });
  log(
    `Model: MLP 64 → 64 (relu) → 10 logits, ${model.parameterCount()} parameters; softmax cross-entropy, Adam lr 0.01, batch 32, ${epochCount} epochs.`,
  );
  log('');
  const trace = epochs(
    await collect(
      o,
      fit(model, trainSet, {
        loss: 'crossEntropy',
        optimizer,
        epochs: epochCount,
        batchSize: 32,
        seed: o.seed,
        metrics: ['accuracy'],
        validation: testSet,
      }),
    ),
  );
  const every = Math.max(1, Math.round(epochCount / 10));
  const rows = [['epoch', 'train loss', 'train acc', 'test loss', 'test acc']];
  for (const e of trace) {
    if (e.epoch === 1 || e.epoch % every === 0 || e.epoch === epochCount) {
      rows.push([
        String(e.epoch),
        e.loss.toFixed(4),
        percent(e.metrics.accuracy),
        e.valLoss!.toFixed(4),
        percent(e.valMetrics!.accuracy),
      ]);
    }
  }
  for (const line of formatTable(rows)) log(`  ${line}`);

  const logits = noGrad(() => model.forward(testSet.x));
  const predicted = argmaxRows(logits.data, 10);
  const truth = Array.from(test.y.data);
  const testAccuracy = evaluate(model, testSet, ['accuracy']).metrics.accuracy;
  const matrix = confusionMatrix(predicted, truth, { numClasses: 10 });
  log('');
  log(
    `Test accuracy: ${percent(testAccuracy)} (${predicted.filter((p, i) => p === truth[i]).length} of ${truth.length})`,
  );
  log(
    `Train accuracy: ${percent(
      accuracy(
        noGrad(() => model.forward(trainSet.x)),
        trainSet.y,
      ),
    )}`,
  );

  // The grid: the first 24 test images, then up to 8 mistakes.
  const wrong = truth.map((_, i) => i).filter((i) => predicted[i] !== truth[i]);
  const shown = [
    ...truth.map((_, i) => i).slice(0, 24),
    ...wrong.filter((i) => i >= 24).slice(0, 8),
  ];
  const rowSize = 64;
  const figures = [
    writeFigure(
      o.outDir,
      'predictions',
      await imageGrid({
        title: 'Test digits: predicted (true)',
        subtitle: `first 24 test images, then ${Math.min(8, wrong.filter((i) => i >= 24).length)} mistakes in red`,
        images: shown.map((i) => test.x.data.subarray(i * rowSize, (i + 1) * rowSize)),
        imageWidth: 8,
        imageHeight: 8,
        columns: 8,
        range: [0, 16],
        captions: shown.map((i) => `${predicted[i]} (${truth[i]})`),
        captionColors: shown.map((i) => (predicted[i] === truth[i] ? '#333333' : '#d62728')),
      }),
    ),
    writeFigure(
      o.outDir,
      'confusion',
      await heatmap({
        title: 'Digits: confusion matrix (test set)',
        subtitle: `accuracy ${percent(testAccuracy)}; rows: true digit, columns: predicted`,
        values: matrix,
        xLabel: 'predicted digit',
        yLabel: 'true digit',
        legendTitle: 'images',
        colorScale: 'sqrt',
      }),
    ),
    writeFigure(
      o.outDir,
      'training',
      await linePlot({
        title: 'Digits: accuracy per epoch',
        xLabel: 'epoch',
        yLabel: 'accuracy (%)',
        legend: 'bottom-right',
        series: [
          {
            name: 'train',
            x: trace.map((e) => e.epoch),
            y: trace.map((e) => 100 * e.metrics.accuracy),
          },
          {
            name: 'test',
            x: trace.map((e) => e.epoch),
            y: trace.map((e) => 100 * e.valMetrics!.accuracy),
          },
        ],
      }),
    ),
  ];
  logFigures(log, figures);

  // Save, reload, export to ONNX and run it in ONNX Runtime on the test images (pixels / 16, as
  // the model was trained: the division is not part of the exported graph).
  const exported = await exportCheck({
    outDir: o.outDir,
    log,
    model,
    x: testSet.x,
    optimizer,
    metadata: { demo: 'digits', seed: String(o.seed) },
  });
  if (exported.onnxOutputs) {
    const same = argmaxRows(exported.onnxOutputs, 10).filter((c, i) => c === predicted[i]);
    log(`  predicted digits: the same for ${same.length} of ${predicted.length} test images`);
  }
  return {
    numbers: { testAccuracy, epochs: epochCount, mistakes: wrong.length, ...exported.numbers },
    figures,
    series: { predictions: Array.from(exported.predictions) },
  };
}

export const digits: Demo = {
  name: 'digits',
  summary: 'an MLP classifier on 8×8 handwritten digits: image grid and confusion matrix',
  run,
};
