/** The breast-cancer demo's figures: the traced restart epoch by epoch, and the test accuracy of every restart. */
import type { EpochEvent } from '../lib/index.js';
import { linePanels, linePlot } from '../lib/plot/index.js';
import type { RecipeResult } from './breastCancerRecipes.js';
import { type DemoOptions, writeFigure } from './common.js';

/** Train and test loss (the tutorial's mean((ŷ − y)²)) and accuracy per epoch. */
export async function trainingFigure(
  o: DemoOptions,
  trace: readonly EpochEvent[],
  trainSize: number,
  testSize: number,
): Promise<string> {
  const xs = trace.map((e) => e.epoch);
  // the run's losses are ½·Σ(ŷ − y)²: 2·loss/n is the tutorial's mean squared error
  const svg = await linePanels(
    [
      {
        title: 'Loss, mean((ŷ − y)²)',
        xLabel: 'epoch',
        yLabel: 'loss',
        logY: true,
        legend: 'top-right',
        series: [
          { name: 'train', x: xs, y: trace.map((e) => (2 * e.loss) / trainSize) },
          { name: 'test', x: xs, y: trace.map((e) => (2 * e.valLoss!) / testSize) },
        ],
      },
      {
        title: 'Accuracy',
        xLabel: 'epoch',
        yLabel: 'accuracy (%)',
        legend: 'bottom-right',
        series: [
          { name: 'train', x: xs, y: trace.map((e) => 100 * e.metrics.binaryAccuracy) },
          { name: 'test', x: xs, y: trace.map((e) => 100 * e.valMetrics!.binaryAccuracy) },
        ],
      },
    ],
    { title: `The tutorial's recipe: train and test per epoch (seed ${o.seed})` },
  );
  return writeFigure(o.outDir, 'training', svg);
}

/** Test accuracy of each restart, one line per recipe, with the article's mean. */
export async function restartsFigure(
  o: DemoOptions,
  results: readonly RecipeResult[],
  articleMean: number,
): Promise<string> {
  const runs = Math.max(...results.map((r) => r.test.length));
  const svg = await linePlot({
    title: 'Test accuracy of each seeded restart',
    subtitle: 'each restart: a new permutation and new initial weights, the same for every recipe',
    xLabel: 'seed',
    yLabel: 'test accuracy (%)',
    legend: 'bottom',
    series: [
      ...results.map((r) => ({
        name: r.recipe.change,
        x: r.test.map((_, k) => o.seed + k),
        y: r.test.map((v) => 100 * v),
        mark: 'linePoint' as const,
        // ½·mean with lr·426 lies on the tutorial's line: dashed, so that both show
        dashed: r.recipe.key === 'mean',
      })),
      {
        name: `the article's mean, ${(100 * articleMean).toFixed(2)} %`,
        x: [o.seed, o.seed + runs - 1],
        y: [100 * articleMean, 100 * articleMean],
        dashed: true,
        color: '#888888',
      },
    ],
  });
  return writeFigure(o.outDir, 'restarts', svg);
}
