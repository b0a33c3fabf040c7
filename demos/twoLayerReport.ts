import { sub, type Tensor } from '../lib/index.js';
import { linePlot } from '../lib/plot/index.js';

/** Prints ŷ − y for the first five samples, as the tutorial does after training. */
export function printResiduals(log: (line: string) => void, pred: Tensor, y: Tensor): void {
  const diff = Array.from(sub(pred, y).data.subarray(0, 5));
  log('');
  log('Predictions minus targets, first 5 samples:');
  log(`  ${diff.map((d) => d.toExponential(3)).join('  ')}`);
}

/** The loss per loop on a log scale. */
export function lossCurve(losses: readonly number[], how: string): Promise<string> {
  return linePlot({
    title: `Two-layer network (${how}): loss per loop`,
    subtitle: 'batch 128, 1000 → 100 relu → 1, sum of squared errors, gradient descent lr 1e-6',
    xLabel: 'loop',
    yLabel: 'loss (log scale)',
    logY: true,
    series: [{ name: 'loss', x: losses.map((_, i) => i), y: losses }],
  });
}
