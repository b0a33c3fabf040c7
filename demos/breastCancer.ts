/**
 * The breast-cancer tutorial reproduced with its own recipe: one sigmoid neuron without bias on
 * the 569 tumours, every value divided by the largest one, full-batch gradient descent on
 * ½·Σ(ŷ − y)² with lr 0.5 for 1000 epochs, 10 seeded restarts, next to the article's figures
 * and to numpy's hand-written update on the same permutations and initial weights. Then the
 * same recipe with one change at a time, 10 restarts each.
 */
import { readFileSync } from 'node:fs';
import { type Dataset, noGrad, restarts, type StandardScaler } from '../lib/index.js';
import { restartsFigure, trainingFigure } from './breastCancerFigures.js';
import {
  ALL_CHANGES,
  EPOCHS,
  loadData,
  type Recipe,
  type RecipeResult,
  type Restart,
  restart,
  TUTORIAL,
  VARIANTS,
} from './breastCancerRecipes.js';
import {
  type Demo,
  type DemoOptions,
  formatTable,
  logFigures,
  meanStd,
  percent,
} from './common.js';
import { exportCheck } from './exportCheck.js';
import { collect, epochs, summary } from './train.js';

/** The article's figures: mean and standard deviation over 10 randomly initialised neurons. */
const ARTICLE = { test: '90.49 % ± 2.40 %', total: '90.33 % ± 0.304 %', testMean: 0.9049 };

/** `runs` seeded restarts of `recipe` (seeds o.seed, o.seed + 1, …), the first one traced epoch by epoch if asked. */
async function runRecipe(
  o: DemoOptions,
  all: Dataset,
  recipe: Recipe,
  runs: number,
  epochCount: number,
  traceFirst: boolean,
): Promise<RecipeResult> {
  const total: number[] = [];
  const weights: number[][] = [];
  let oneClass = 0;
  let first: Restart | undefined;
  const events = await collect(
    o,
    restarts(
      runs,
      (seed, i) => {
        const r = restart(all, seed, recipe);
        if (i === 0) first = r;
        return {
          run$: r.run$({ epochs: epochCount, trace: traceFirst && i === 0 }),
          score: () => {
            total.push(r.accuracy(r.all));
            weights.push(Array.from(r.model.weight.data));
            const p = noGrad(() => r.model.forward(r.all.x)).data;
            const benign = p.filter((v) => v >= 0.5).length;
            if (benign === 0 || benign === p.length) oneClass++;
            return r.accuracy(r.test);
          },
        };
      },
      { seed: o.seed, name: 'test accuracy' },
    ),
  );
  const trace = epochs(events).filter((e) => e.run === 0);
  return {
    recipe,
    test: [...summary(events).values],
    total,
    oneClass,
    weights,
    trace,
    first: first!,
  };
}

/** `'90.63 % ± 3.05 %'`: mean ± population standard deviation. */
const pm = (values: readonly number[]) => {
  const { mean, std } = meanStd(values);
  return `${percent(mean)} ± ${percent(std)}`;
};

/** What demos/reference/breast_cancer_tutorial.py wrote: numpy's accuracies per restart. */
interface NumpyReference {
  seeds: number[];
  epochs: number;
  test: number[];
  total: number[];
}

/** Restart by restart, does rxgrad give numpy's accuracies? (Only for the fixture's seeds and epochs.) */
function compareWithNumpy(o: DemoOptions, r: RecipeResult, epochCount: number): number | null {
  const ref: NumpyReference = JSON.parse(
    readFileSync(new URL('./reference/breast-cancer-numpy.json', import.meta.url), 'utf8'),
  );
  if (epochCount !== ref.epochs || o.seed !== ref.seeds[0] || r.test.length !== ref.seeds.length) {
    return null;
  }
  return r.test.filter((t, k) => t === ref.test[k] && r.total[k] === ref.total[k]).length;
}

async function run(o: DemoOptions) {
  const log = o.log;
  const epochCount = o.epochs ?? EPOCHS;
  const runs = 10;
  const variantRuns = o.fast ? 1 : runs;
  const all = loadData();
  const malignant = Array.from(all.y.data).filter((v) => v === 0).length;
  log(
    `Breast cancer: ${all.length} tumours × 30 features, ${malignant} malignant (0), ${all.length - malignant} benign (1)`,
  );
  log('');

  // 1. The tutorial's recipe, 10 restarts; the first traced epoch by epoch.
  const tut = await runRecipe(o, all, TUTORIAL, runs, epochCount, true);
  const one = tut.first;
  const scale = (one.scaler as StandardScaler).state().scale[0];
  for (const line of [
    "The tutorial's recipe (single-layer-perceptron.py): a seeded permutation of the 569 rows, the first",
    `${one.train.length} train, the other ${one.test.length} test; every value divided by the largest value of the whole matrix (${scale});`,
    `${one.model.describe()}, weights uniform in [−1, 1); full-batch gradient descent on ½·Σ(ŷ − y)²,`,
    `i.e. W −= 0.5 · Xᵀ((ŷ − y)·ŷ·(1 − ŷ)), lr 0.5, ${epochCount} epochs; accuracy = mean(y == round(ŷ)).`,
    '',
    `Restart 1 (seed ${o.seed}), epoch by epoch (loss: mean((ŷ − y)²), as the tutorial records it):`,
  ]) {
    log(line);
  }
  const rows = [['epoch', 'train loss', 'train acc', 'test loss', 'test acc']];
  const every = Math.max(1, Math.round(epochCount / 10));
  for (const e of tut.trace) {
    if (e.epoch === 1 || e.epoch % every === 0 || e.epoch === epochCount) {
      rows.push([
        String(e.epoch),
        ((2 * e.loss) / one.train.length).toFixed(5),
        percent(e.metrics.binaryAccuracy),
        ((2 * e.valLoss!) / one.test.length).toFixed(5),
        percent(e.valMetrics!.binaryAccuracy),
      ]);
    }
  }
  for (const line of formatTable(rows)) log(`  ${line}`);
  log('');
  log(
    `${runs} restarts (seeds ${o.seed}…${o.seed + runs - 1}: a new permutation and new initial weights each):`,
  );
  log(`  test:  ${tut.test.map((v) => percent(v)).join(', ')}`);
  log(`  total: ${tut.total.map((v) => percent(v)).join(', ')}`);
  for (const line of formatTable([
    ['', 'test accuracy', 'total accuracy'],
    ['rxgrad', pm(tut.test), pm(tut.total)],
    ['the article', ARTICLE.test, ARTICLE.total],
  ])) {
    log(`  ${line}`);
  }
  const same = compareWithNumpy(o, tut, epochCount);
  if (same !== null) {
    log(
      `  numpy's hand-written update (demos/reference/breast_cancer_tutorial.py), same permutations and`,
    );
    log(`  initial weights: the same test and total accuracy in ${same} of ${runs} restarts`);
  }

  // 2. One change at a time.
  const which =
    variantRuns === 1
      ? `1 restart each, seed ${o.seed}`
      : `${variantRuns} restarts each, seeds ${o.seed}…${o.seed + variantRuns - 1}`;
  log('');
  log(`The tutorial's recipe with one change at a time, and last three together (${which}:`);
  log(`the same permutations and initial weights as above, ${epochCount} epochs):`);
  const results = [tut];
  for (const recipe of [...VARIANTS, ALL_CHANGES]) {
    results.push(await runRecipe(o, all, recipe, variantRuns, epochCount, false));
  }
  const table = [['recipe', 'test accuracy', 'total accuracy', 'one class']];
  for (const r of results) {
    const n = r.test.length;
    table.push([r.recipe.change, pm(r.test), pm(r.total), `${r.oneClass} of ${n}`]);
  }
  for (const line of formatTable(table)) log(`  ${line}`);
  log('  (mean ± standard deviation over the restarts, as numpy.std; one class: restarts whose');
  log('  neuron calls all 569 tumours benign, or all malignant)');

  const figures = [
    await trainingFigure(o, tut.trace, one.train.length, one.test.length),
    await restartsFigure(o, results, ARTICLE.testMean),
  ];
  logFigures(log, figures);

  // 3. Save, reload, export to ONNX (the division by the largest value becomes Sub/Div nodes in
  //    front) and run it in ONNX Runtime on the raw features of all 569 tumours.
  const exported = await exportCheck({
    outDir: o.outDir,
    log,
    model: one.model,
    x: all.x,
    scaler: one.scaler,
    optimizer: one.optimizer,
    metadata: { demo: 'breast-cancer', seed: String(o.seed) },
  });

  const numbers: Record<string, number> = { epochs: epochCount, runs, variantRuns };
  for (const r of results) {
    const test = meanStd(r.test);
    const total = meanStd(r.total);
    Object.assign(numbers, {
      [`${r.recipe.key}TestMean`]: test.mean,
      [`${r.recipe.key}TestStd`]: test.std,
      [`${r.recipe.key}TotalMean`]: total.mean,
      [`${r.recipe.key}TotalStd`]: total.std,
      [`${r.recipe.key}OneClass`]: r.oneClass,
    });
  }
  if (same !== null) numbers.sameAsNumpy = same;
  Object.assign(numbers, exported.numbers);
  const series: Record<string, readonly number[]> = {
    predictions: Array.from(exported.predictions),
    tutorialWeights: tut.weights.flat(),
  };
  for (const r of results) {
    series[`${r.recipe.key}Test`] = r.test;
    series[`${r.recipe.key}Total`] = r.total;
  }
  return { numbers, figures, series };
}

export const breastCancer: Demo = {
  name: 'breast-cancer',
  summary:
    "the tutorial's sigmoid neuron on 569 tumours, its recipe reproduced, then one change at a time",
  run,
};
