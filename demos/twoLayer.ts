/**
 * The tutorial's two-layer network written with raw ops, as its numpy version is: batch 128,
 * 1000 inputs → 100 relu → 1 output, sum of squared errors, plain gradient descent with
 * learning rate 1e-6. rxgrad's autograd replaces the hand-written backward pass.
 */
import { matmul, relu, square, sub, sum, type Tensor } from '../lib/index.js';
import { type Demo, type DemoOptions, logFigures, writeFigure } from './common.js';
import { loopProgress } from './loopProgress.js';
import { D_IN, H, isReported, LEARNING_RATE, N, twoLayerData } from './twoLayerData.js';
import { lossCurve, printResiduals } from './twoLayerReport.js';

async function run(o: DemoOptions) {
  const log = o.log;
  const loops = o.epochs ?? (o.fast ? 100 : 500);
  const { x, y, w1, w2 } = twoLayerData(o.seed);
  w1.requireGrad();
  w2.requireGrad();
  log(
    `Two-layer network with raw ops: x [${N}, ${D_IN}] → relu(x·w1) [${N}, ${H}] → ·w2 [${N}, 1]`,
  );
  log(`loss = Σ (ŷ − y)², gradient descent with learning rate 1e-6, ${loops} loops`);
  log('');
  const predict = (): Tensor => matmul(relu(matmul(x, w1)), w2);
  const losses: number[] = [];
  const progress = loopProgress(o, loops);
  const started = performance.now();
  for (let t = 0; t < loops; t++) {
    const loss = sum(square(sub(predict(), y)));
    losses.push(loss.item());
    if (isReported(t, loops))
      progress.log(`  loop ${String(t).padStart(3)}  loss ${loss.item().toPrecision(6)}`);
    w1.zeroGrad();
    w2.zeroGrad();
    loss.backward();
    // w ← w − lr·dL/dw, in place, as the tutorial's `w1 -= learning_rate * grad_w1`
    for (const w of [w1, w2]) {
      const g = w.grad!.data;
      for (let i = 0; i < g.length; i++) w.data[i] -= LEARNING_RATE * g[i];
    }
    progress.update(t + 1, loss.item());
  }
  progress.stop();
  const seconds = (performance.now() - started) / 1000;
  log(
    `${loops} loops in ${seconds.toFixed(1)} s (${((1000 * seconds) / loops).toFixed(0)} ms per loop)`,
  );
  printResiduals(log, predict(), y);
  const figures = [writeFigure(o.outDir, 'loss', await lossCurve(losses, 'raw ops'))];
  logFigures(log, figures);
  return {
    numbers: { firstLoss: losses[0], lastLoss: losses[losses.length - 1], loops, seconds },
    figures,
    series: { losses },
  };
}

export const twoLayer: Demo = {
  name: 'two-layer',
  summary: "the tutorial's numpy network (1000 → 100 relu → 1) with raw ops and autograd",
  run,
};
