/**
 * Gradient descent on one weight: the error y = x² of a weight x, its derivative 2x from
 * rxgrad's autograd, the tangents at x = ±4 that say which way to move the weight, and the
 * path of gradient-descent steps from x = −4 to the minimum.
 */
import { grad, linspace, square, type Tensor, tensor } from '../lib/index.js';
import { linePlot } from '../lib/plot/index.js';
import { type Demo, type DemoOptions, formatTable, logFigures, writeFigure } from './common.js';

const error = (x: Tensor) => square(x);
const slope = grad(error);

async function run(o: DemoOptions) {
  const log = o.log;
  const lr = 0.1;
  const steps = o.epochs ?? 25;
  log('The error of one weight x: y = x², derivative dy/dx = 2x (by autograd).');
  const d4 = slope(tensor(4)).item();
  const dm4 = slope(tensor(-4)).item();
  log(`  at x =  4: dy/dx = ${d4}  > 0, so decrease the weight`);
  log(`  at x = −4: dy/dx = ${dm4} < 0, so increase the weight`);

  log('');
  log(`Gradient descent from x = −4, learning rate ${lr}: x ← x − ${lr}·dy/dx`);
  const path = { x: [-4], y: [16] };
  const rows = [['step', 'x', 'y = x²', 'dy/dx']];
  let x = -4;
  for (let k = 0; k < steps; k++) {
    const g = slope(tensor(x)).item();
    if (k < 5 || k % 5 === 0)
      rows.push([String(k), x.toFixed(4), (x * x).toFixed(4), g.toFixed(4)]);
    x -= lr * g;
    path.x.push(x);
    path.y.push(x * x);
  }
  rows.push([String(steps), x.toFixed(4), (x * x).toFixed(4), slope(tensor(x)).item().toFixed(4)]);
  for (const line of formatTable(rows)) log(`  ${line}`);
  log(
    `After ${steps} steps x = ${x.toFixed(5)} (each step multiplies x by 1 − 2·${lr} = ${1 - 2 * lr}).`,
  );

  const xs = Array.from(linspace(-5, 5, 201).data);
  const figure = await linePlot({
    title: 'Gradient descent on the error y = x²',
    subtitle: `tangents at x = ±4 (slope ±8) and ${steps} steps of x ← x − ${lr}·2x from x = −4`,
    xLabel: 'weight x',
    yLabel: 'error y',
    yDomain: [0, 26],
    series: [
      { name: 'error y = x²', x: xs, y: xs.map((v) => v * v) },
      { name: 'tangent at x = 4 (slope 8)', x: [2, 5], y: [0, 24], dashed: true, color: '#e45756' },
      {
        name: 'tangent at x = −4 (slope −8)',
        x: [-5, -2],
        y: [24, 0],
        dashed: true,
        color: '#54a24b',
      },
      { name: 'gradient-descent steps', x: path.x, y: path.y, mark: 'linePoint', color: '#f58518' },
    ],
    arrows: [
      { from: [4, 21], to: [2, 21], color: '#e45756' },
      { from: [-4, 21], to: [-2, 21], color: '#54a24b' },
    ],
    annotations: [
      { x: 3, y: 21, text: 'decrease weight', align: 'center', dy: -12, color: '#e45756' },
      { x: -3, y: 21, text: 'increase weight', align: 'center', dy: -12, color: '#54a24b' },
      { x: 0, y: 0, text: 'minimum', align: 'center', dy: -10 },
    ],
  });
  const figures = [writeFigure(o.outDir, 'gradient-descent', figure)];
  logFigures(log, figures);
  return { numbers: { slopeAt4: d4, slopeAtMinus4: dm4, finalX: x }, figures };
}

export const gradientDescent: Demo = {
  name: 'gradient-descent',
  summary:
    'the error y = x² of one weight, its tangents, and gradient-descent steps to the minimum',
  run,
};
