/**
 * The house-price network: 506 districts, 12 features (the source's `B` column dropped), the
 * categorical `RAD` one-hot encoded, features standardised; an MLP with two hidden layers on
 * the mean-squared error, against a linear-regression baseline (one `Linear` layer).
 */
import {
  adam,
  Dataset,
  datasets,
  evaluate,
  fit,
  Linear,
  type Module,
  mlp,
  noGrad,
  oneHotEncoder,
  reshape,
  standardScaler,
  trainTestSplit,
} from '../lib/index.js';
import { linePlot, scatterPlot } from '../lib/plot/index.js';
import { type Demo, type DemoOptions, formatTable, logFigures, writeFigure } from './common.js';
import { collect, epochs } from './train.js';

/** Seeded 80/20 split; RAD one-hot encoded and every column standardised, fitted on the training part. */
function prepare(seed: number) {
  const raw = datasets.housePrices();
  const names = raw.featureNames!;
  const all = new Dataset(raw.x, reshape(raw.y, [raw.length, 1]));
  const { train, test } = trainTestSplit(all, { testFraction: 0.2, seed });
  // NOTE: a RAD value absent from the training part would be all zeros rather than an error.
  const encoder = oneHotEncoder({ columns: ['RAD'], unknown: 'ignore' }).fit(train.x, names);
  const scaler = standardScaler().fit(encoder.transform(train.x));
  const encode = (d: Dataset) => new Dataset(scaler.transform(encoder.transform(d.x)), d.y);
  return { raw, names, encoder, train: encode(train), test: encode(test) };
}

async function train(o: DemoOptions, model: Module, data: Dataset, epochCount: number, lr: number) {
  const events = await collect(
    o,
    fit(model, data, {
      loss: 'mse',
      optimizer: adam(model.parameters(), { lr }),
      epochs: epochCount,
      batchSize: 32,
      seed: o.seed,
    }),
  );
  return epochs(events).map((e) => e.loss);
}

async function run(o: DemoOptions) {
  const log = o.log;
  const epochCount = o.epochs ?? (o.fast ? 60 : 200);
  const { raw, names, encoder, train: trainSet, test } = prepare(o.seed);
  const features = trainSet.x.shape[1];
  const categories = encoder.categories[0];
  log(
    `House prices: ${raw.length} districts × ${names.length} features (B dropped), target MEDV in $1000s.`,
  );
  log(
    `RAD one-hot encoded into ${categories.length} columns (${categories.join(', ')}) → ${features} features, standardised.`,
  );
  log(
    `Split (seed ${o.seed}): ${trainSet.length} train, ${test.length} test. Adam, batch 32, ${epochCount} epochs, loss MSE.`,
  );
  log('');

  const linear = new Linear(features, 1, { seed: o.seed });
  const net = mlp([features, 64, 32, 1], { seed: o.seed });
  const models = [
    { name: 'linear regression', model: linear as Module, lr: 0.05 },
    { name: `MLP ${features} → 64 → 32 → 1 (relu)`, model: net as Module, lr: 0.003 },
  ];
  const rows = [['model', 'parameters', 'test RMSE ($1000s)', 'test R²']];
  const results = [];
  for (const m of models) {
    const losses = await train(o, m.model, trainSet, epochCount, m.lr);
    const ev = evaluate(m.model, test, ['rmse', 'r2']);
    const predicted = Array.from(noGrad(() => m.model.forward(test.x)).data);
    results.push({ ...m, losses, rmse: ev.metrics.rmse, r2: ev.metrics.r2, predicted });
    rows.push([
      m.name,
      String(m.model.parameterCount()),
      ev.metrics.rmse.toFixed(3),
      ev.metrics.r2.toFixed(3),
    ]);
  }
  for (const line of formatTable(rows)) log(`  ${line}`);
  const [base, mlpResult] = results;
  log('');
  log(
    `The MLP's test RMSE is ${(100 * (1 - mlpResult.rmse / base.rmse)).toFixed(0)} % lower than the linear baseline's: ` +
      'prices are non-linear in the features (the original study fitted RM² and log LSTAT).',
  );

  const actual = Array.from(test.y.data);
  const figures = [
    writeFigure(
      o.outDir,
      'predictions',
      await scatterPlot({
        title: 'House prices: predicted against actual (test set)',
        subtitle: `RMSE: linear ${base.rmse.toFixed(2)}, MLP ${mlpResult.rmse.toFixed(2)} ($1000s)`,
        xLabel: 'actual median value ($1000s)',
        yLabel: 'predicted ($1000s)',
        identityLine: 'perfect prediction',
        legend: 'top-left',
        width: 420,
        height: 420,
        series: results.map((r) => ({ name: r.name, x: actual, y: r.predicted })),
      }),
    ),
    writeFigure(
      o.outDir,
      'loss',
      await linePlot({
        title: 'House prices: training loss per epoch',
        xLabel: 'epoch',
        yLabel: 'MSE (log scale)',
        logY: true,
        series: results.map((r) => ({
          name: r.name,
          x: r.losses.map((_, i) => i + 1),
          y: r.losses,
        })),
      }),
    ),
  ];
  logFigures(log, figures);
  return {
    numbers: {
      linearRmse: base.rmse,
      linearR2: base.r2,
      mlpRmse: mlpResult.rmse,
      mlpR2: mlpResult.r2,
    },
    figures,
  };
}

export const housePrices: Demo = {
  name: 'house-prices',
  summary: 'an MLP on the house-price data (RAD one-hot, standardised) against linear regression',
  run,
};
