/**
 * The tutorial's single sigmoid neuron on the breast-cancer data set (569 tumours × 30
 * features): shuffle, split, scale, train with gradient descent on a scaled mean-squared
 * error, watch train and test loss and accuracy per epoch; then 10 seeded restarts, compared
 * with binary cross-entropy + Adam and with min-max scaling.
 */
import {
  adam,
  Dataset,
  datasets,
  evaluate,
  fit,
  type LossFn,
  minMaxScaler,
  mse,
  mul,
  Neuron,
  type Optimizer,
  reshape,
  restarts,
  sgd,
  standardScaler,
  trainTestSplit,
} from '../lib/index.js';
import { linePanels, linePlot } from '../lib/plot/index.js';
import {
  type Demo,
  type DemoOptions,
  formatTable,
  logFigures,
  percent,
  writeFigure,
} from './common.js';
import { exportCheck } from './exportCheck.js';
import { collect, epochs, summary } from './train.js';

/** The tutorial's "scaled" mean-squared error: ½·mean((ŷ − y)²), whose gradient is mean((ŷ − y)·dŷ). */
const halfMse: LossFn = (pred, target) => mul(mse(pred, target), 0.5);

interface Recipe {
  name: string;
  scaling: 'standard' | 'minmax';
  loss: LossFn | 'binaryCrossEntropy';
  optimizer: (n: Neuron) => Optimizer;
}

const RECIPES: Recipe[] = [
  {
    name: '½·MSE + gradient descent (lr 1), standardised',
    scaling: 'standard',
    loss: halfMse,
    optimizer: (n) => sgd(n.parameters(), { lr: 1 }),
  },
  {
    name: 'BCE + Adam (lr 0.01), standardised',
    scaling: 'standard',
    loss: 'binaryCrossEntropy',
    optimizer: (n) => adam(n.parameters(), { lr: 0.01 }),
  },
  {
    name: '½·MSE + gradient descent (lr 1), min-max scaled',
    scaling: 'minmax',
    loss: halfMse,
    optimizer: (n) => sgd(n.parameters(), { lr: 1 }),
  },
];

/** The data set with y as a column [569, 1], the shape of the neuron's output. */
function loadData(): Dataset {
  const ds = datasets.breastCancer();
  return new Dataset(ds.x, reshape(ds.y, [ds.length, 1]), ds);
}

/** A seeded shuffle and 80/20 split, scaled with statistics of the training part only. */
function prepare(all: Dataset, seed: number, scaling: Recipe['scaling']) {
  const { train, test } = trainTestSplit(all, { testFraction: 0.2, seed });
  const scaler = scaling === 'standard' ? standardScaler() : minMaxScaler();
  scaler.fit(train.x);
  const scaled = (d: Dataset) => new Dataset(scaler.transform(d.x), d.y);
  return { train: scaled(train), test: scaled(test), all: scaled(all), scaler };
}

/** One run of a recipe: a fresh neuron (weights from `seed`), full-batch training. */
function setup(all: Dataset, seed: number, recipe: Recipe, epochCount: number, withTest: boolean) {
  const data = prepare(all, seed, recipe.scaling);
  const model = new Neuron(30, { activation: 'sigmoid', seed });
  const optimizer = recipe.optimizer(model);
  const run$ = fit(model, data.train, {
    loss: recipe.loss,
    optimizer,
    epochs: epochCount,
    batchSize: data.train.length,
    shuffle: false,
    metrics: ['binaryAccuracy'],
    ...(withTest ? { validation: data.test } : {}),
  });
  const accuracy = (d: Dataset) => evaluate(model, d, ['binaryAccuracy']).metrics.binaryAccuracy;
  return { data, model, optimizer, run$, accuracy };
}

async function run(o: DemoOptions) {
  const log = o.log;
  const epochCount = o.epochs ?? (o.fast ? 100 : 300);
  const runs = o.fast ? 3 : 10;
  const all = loadData();
  const malignant = Array.from(all.y.data).filter((v) => v === 0).length;
  log(
    `Breast cancer: ${all.length} tumours × 30 features, ${malignant} malignant (0), ${all.length - malignant} benign (1)`,
  );

  // 1. One run, traced epoch by epoch on the training and the test set.
  const main = RECIPES[0];
  const one = setup(all, o.seed, main, epochCount, true);
  log(
    `Split (seed ${o.seed}): ${one.data.train.length} train, ${one.data.test.length} test; features standardised on the training set.`,
  );
  log(
    `Model: ${one.model.describe()}, loss ½·mean((ŷ − y)²), full-batch gradient descent, lr 1, ${epochCount} epochs.`,
  );
  log('');
  const trace = epochs(await collect(o, one.run$));
  const rows = [['epoch', 'train loss', 'train acc', 'test loss', 'test acc']];
  const every = Math.max(1, Math.round(epochCount / 10));
  for (const e of trace) {
    if (e.epoch === 1 || e.epoch % every === 0 || e.epoch === epochCount) {
      rows.push([
        String(e.epoch),
        e.loss.toFixed(5),
        percent(e.metrics.binaryAccuracy),
        e.valLoss!.toFixed(5),
        percent(e.valMetrics!.binaryAccuracy),
      ]);
    }
  }
  for (const line of formatTable(rows)) log(`  ${line}`);
  const testAccuracy = one.accuracy(one.data.test);
  log(`Test accuracy after ${epochCount} epochs: ${percent(testAccuracy)}`);

  // 2. Restarts: new split and new initial weights for each seed.
  log('');
  log(
    `${runs} seeded restarts (seeds ${o.seed}…${o.seed + runs - 1}: new shuffle, split and initial weights each):`,
  );
  const table = [['recipe', 'test accuracy', 'total accuracy']];
  const perRestart: { name: string; test: readonly number[] }[] = [];
  const numbers: Record<string, number> = { testAccuracy, epochs: epochCount, runs };
  for (const [i, recipe] of RECIPES.entries()) {
    const totals: number[] = [];
    const events = await collect(
      o,
      restarts(
        runs,
        (seed) => {
          const r = setup(all, seed, recipe, epochCount, false);
          return {
            run$: r.run$,
            score: () => {
              totals.push(r.accuracy(r.data.all));
              return r.accuracy(r.data.test);
            },
          };
        },
        { seed: o.seed, name: 'test accuracy' },
      ),
    );
    const s = summary(events);
    const totalMean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const totalStd = Math.sqrt(
      totals.reduce((a, b) => a + (b - totalMean) ** 2, 0) / totals.length,
    );
    table.push([
      recipe.name,
      `${percent(s.mean)} ± ${percent(s.std)}`,
      `${percent(totalMean)} ± ${percent(totalStd)}`,
    ]);
    perRestart.push({ name: recipe.name, test: s.values });
    const key = ['mse', 'bceAdam', 'minmax'][i];
    Object.assign(numbers, {
      [`${key}TestMean`]: s.mean,
      [`${key}TestStd`]: s.std,
      [`${key}TotalMean`]: totalMean,
      [`${key}TotalStd`]: totalStd,
    });
  }
  for (const line of formatTable(table)) log(`  ${line}`);
  log('  (mean ± population standard deviation over the restarts)');
  log('');
  const pct = (key: string) =>
    `${percent(numbers[`${key}TestMean`])} ± ${percent(numbers[`${key}TestStd`])}`;
  for (const line of [
    `The tutorial reports 90.49 % ± 2.40 % test accuracy; the same neuron and loss reach ${pct('mse')} here.`,
    'The difference is the scaling: standardised features (zero mean, unit variance, fitted on the',
    'training part) make the loss surface well conditioned, so full-batch gradient descent with lr 1',
    `reaches its accuracy plateau in about 100 epochs. With min-max scaling (features in [0, 1], all`,
    `positive and strongly correlated) the same recipe gets ${pct('minmax')}: gradient descent crawls along the`,
    'ill-conditioned surface, and with fewer epochs or a smaller learning rate it lands lower still,',
    "towards the tutorial's figure. Cross-entropy with Adam, the usual recipe for a probability,",
    `gives ${pct('bceAdam')}. The test set holds only 114 tumours (one tumour = 0.88 %): hence the spread.`,
  ]) {
    log(line);
  }

  const xs = trace.map((e) => e.epoch);
  const figures = [
    writeFigure(
      o.outDir,
      'training',
      await linePanels(
        [
          {
            title: 'Loss (½·MSE)',
            xLabel: 'epoch',
            yLabel: 'loss',
            logY: true,
            legend: 'top-right',
            series: [
              { name: 'train', x: xs, y: trace.map((e) => e.loss) },
              { name: 'test', x: xs, y: trace.map((e) => e.valLoss!) },
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
        { title: `A sigmoid neuron on breast cancer: train and test per epoch (seed ${o.seed})` },
      ),
    ),
    writeFigure(
      o.outDir,
      'restarts',
      await linePlot({
        title: `Test accuracy of ${runs} seeded restarts`,
        subtitle: 'each restart: new shuffle, split and initial weights',
        xLabel: 'seed',
        yLabel: 'test accuracy (%)',
        legend: 'bottom',
        series: [
          ...perRestart.map((p) => ({
            name: p.name,
            x: p.test.map((_, k) => o.seed + k),
            y: p.test.map((v) => 100 * v),
            mark: 'linePoint' as const,
          })),
          {
            name: "the tutorial's mean, 90.49 %",
            x: [o.seed, o.seed + runs - 1],
            y: [90.49, 90.49],
            dashed: true,
            color: '#888888',
          },
        ],
      }),
    ),
  ];
  logFigures(log, figures);

  // 3. Save, reload, export to ONNX (the scaler becomes Sub/Div nodes in front) and run it in
  //    ONNX Runtime on the raw features of all 569 tumours.
  const exported = await exportCheck({
    outDir: o.outDir,
    log,
    model: one.model,
    x: all.x,
    scaler: one.data.scaler,
    optimizer: one.optimizer,
    metadata: { demo: 'breast-cancer', seed: String(o.seed) },
  });
  Object.assign(numbers, exported.numbers);
  return { numbers, figures, series: { predictions: Array.from(exported.predictions) } };
}

export const breastCancer: Demo = {
  name: 'breast-cancer',
  summary: 'a sigmoid neuron on 569 tumours: per-epoch curves, 10 seeded restarts, BCE + Adam',
  run,
};
