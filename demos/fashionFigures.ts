/** The figures of the fashion demo: test images, confusion matrix, first-layer filters, accuracy curves. */
import {
  type Conv2d,
  confusionMatrix,
  type Dataset,
  fashionMnistClasses,
  type Sequential,
} from '../lib/index.js';
import { heatmap, imageGrid, linePlot } from '../lib/plot/index.js';
import { type DemoOptions, percent, writeFigure } from './common.js';

/** Per epoch: the training loss, the test accuracy and the training time of the epoch. */
export interface EpochRow {
  epoch: number;
  loss: number;
  testAccuracy: number;
  seconds: number;
}

/** 0, 1, …, n − 1. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Writes the four figures and returns their paths. */
export async function drawFigures(
  o: DemoOptions,
  cnn: Sequential,
  test: Dataset,
  predicted: readonly number[],
  truth: readonly number[],
  results: Record<string, { rows: EpochRow[] }>,
): Promise<string[]> {
  const names = fashionMnistClasses;
  const accuracy = predicted.filter((p, i) => p === truth[i]).length / truth.length;
  // the grid: the first 24 test images, then 8 mistakes
  const wrong = range(truth.length).filter((i) => predicted[i] !== truth[i] && i >= 24);
  const shown = [...range(Math.min(24, truth.length)), ...wrong.slice(0, 8)];
  const pixels = (i: number) => test.x.data.subarray(i * 784, (i + 1) * 784);
  const filters = (cnn.at(0) as Conv2d).weight;
  const k = filters.shape[2] * filters.shape[3];
  const bound = Math.max(...Array.from(filters.data, Math.abs));
  const epochs = results.CNN.rows.map((r) => r.epoch);
  return [
    writeFigure(
      o.outDir,
      'predictions',
      await imageGrid({
        title: 'Fashion-MNIST test images: predicted (true)',
        subtitle: `the CNN; the first 24 test images, then ${shown.length - Math.min(24, truth.length)} mistakes in red`,
        images: shown.map(pixels),
        imageWidth: 28,
        imageHeight: 28,
        columns: 8,
        pixelSize: 4,
        range: [0, 1],
        captions: shown.map((i) =>
          predicted[i] === truth[i]
            ? names[truth[i]]
            : `${names[predicted[i]]} (${names[truth[i]]})`,
        ),
        captionColors: shown.map((i) => (predicted[i] === truth[i] ? '#333333' : '#d62728')),
      }),
    ),
    writeFigure(
      o.outDir,
      'confusion',
      await heatmap({
        title: 'Fashion-MNIST: confusion matrix of the CNN (test set)',
        subtitle: `accuracy ${percent(accuracy)}; rows: true class, columns: predicted`,
        values: confusionMatrix([...predicted], [...truth], { numClasses: 10 }),
        xLabels: names,
        yLabels: names,
        xLabel: 'predicted',
        yLabel: 'true',
        legendTitle: 'images',
        colorScale: 'sqrt',
        cellSize: 58,
      }),
    ),
    writeFigure(
      o.outDir,
      'filters',
      await imageGrid({
        title: `The first layer's ${filters.shape[0]} learned 3×3 filters`,
        subtitle: `weights from ${(-bound).toFixed(2)} (white) to ${bound.toFixed(2)} (black)`,
        images: range(filters.shape[0]).map((f) => filters.data.subarray(f * k, (f + 1) * k)),
        imageWidth: filters.shape[3],
        imageHeight: filters.shape[2],
        columns: 8,
        pixelSize: 16,
        range: [-bound, bound],
        captions: range(filters.shape[0]).map(String),
      }),
    ),
    writeFigure(
      o.outDir,
      'training',
      await linePlot({
        title: 'Fashion-MNIST: test accuracy per epoch',
        xLabel: 'epoch',
        yLabel: 'test accuracy (%)',
        legend: 'bottom-right',
        series: Object.entries(results).map(([name, r]) => ({
          name,
          x: epochs,
          y: r.rows.map((row) => 100 * row.testAccuracy),
        })),
      }),
    ),
  ];
}
