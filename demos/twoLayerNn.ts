/**
 * The same two-layer network written with `nn` and trained by `fit`: two bias-free `Linear`
 * layers around a `ReLU`, loaded with the same seeded weights as the raw-ops version, the sum
 * of squared errors, and `sgd` with learning rate 1e-6 — so the losses match loop for loop.
 */
import { Dataset, fit, Linear, noGrad, ReLU, Sequential, sgd } from '../lib/index.js';
import { type Demo, type DemoOptions, logFigures, writeFigure } from './common.js';
import { collect, epochs } from './train.js';
import { D_IN, D_OUT, H, isReported, LEARNING_RATE, twoLayerData } from './twoLayerData.js';
import { lossCurve, printResiduals } from './twoLayerReport.js';

async function run(o: DemoOptions) {
  const log = o.log;
  const loops = o.epochs ?? (o.fast ? 100 : 500);
  const { x, y, w1, w2 } = twoLayerData(o.seed);
  const model = new Sequential(
    new Linear(D_IN, H, { bias: false }),
    new ReLU(),
    new Linear(H, D_OUT, { bias: false }),
  );
  // the raw-ops version's weights, so that both versions compute the same numbers
  const names = model.namedParameters().map(([name]) => name);
  model.loadStateDict({ [names[0]]: w1, [names[1]]: w2 });
  log('Two-layer network with nn:');
  for (const line of model.toString().split('\n')) log(`  ${line}`);
  log(
    `fit: loss 'sse' (sum of squared errors), sgd lr 1e-6, the whole batch of ${x.shape[0]} per step, ${loops} epochs`,
  );
  log('');
  const started = performance.now();
  const events = epochs(
    await collect(
      o,
      fit(model, new Dataset(x, y), {
        loss: 'sse',
        optimizer: sgd(model.parameters(), { lr: LEARNING_RATE }),
        epochs: loops,
        batchSize: x.shape[0],
        shuffle: false,
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  // epoch e's loss is the loss of loop e − 1, computed before that loop's update
  const losses = events.map((e) => e.loss);
  losses.forEach((loss, t) => {
    if (isReported(t, loops)) log(`  loop ${String(t).padStart(3)}  loss ${loss.toPrecision(6)}`);
  });
  log(
    `${loops} epochs in ${seconds.toFixed(1)} s (${((1000 * seconds) / loops).toFixed(0)} ms per epoch)`,
  );
  printResiduals(
    log,
    noGrad(() => model.forward(x)),
    y,
  );
  const figures = [writeFigure(o.outDir, 'loss', await lossCurve(losses, 'nn and fit'))];
  logFigures(log, figures);
  return {
    numbers: { firstLoss: losses[0], lastLoss: losses[losses.length - 1], loops, seconds },
    figures,
    series: { losses },
  };
}

export const twoLayerNn: Demo = {
  name: 'two-layer-nn',
  summary: 'the same network with nn.Linear, ReLU, sgd and the fit Observable',
  run,
};
