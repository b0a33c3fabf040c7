/**
 * One artificial neuron, as in the tutorial: a weighted sum of inputs, then an activation.
 * Prints the tutorial's worked numbers and draws the activation functions, the effect of the
 * weight on a sigmoid neuron, a diagram of the neuron and its rxgrad computation graph.
 */
import {
  leakyRelu,
  linspace,
  mul,
  Neuron,
  type NeuronActivation,
  relu,
  sigmoid,
  softmax,
  sum,
  type Tensor,
  tanh,
  tensor,
} from '../lib/index.js';
import { drawGraph, linePlot, renderDot } from '../lib/plot/index.js';
import { type Demo, type DemoOptions, formatTable, logFigures, writeFigure } from './common.js';

const ACTIVATIONS = [
  ['linear', 'z', '(−∞, ∞)', 'regression outputs'],
  ['relu', 'max(0, z)', '[0, ∞)', 'hidden layers (the default)'],
  ['leaky relu', 'max(0.01·z, z)', '(−∞, ∞)', 'hidden layers, avoids dead units'],
  ['sigmoid', '1 / (1 + e^−z)', '(0, 1)', 'binary outputs (probabilities)'],
  ['tanh', '(e^z − e^−z) / (e^z + e^−z)', '(−1, 1)', 'hidden layers (zero-centred)'],
  ['softmax', 'e^zᵢ / Σⱼ e^zⱼ', '(0, 1), sums to 1', 'multi-class outputs'],
] as const;

/** The diagram of the tutorial's neuron: inputs x1..x3, weighted sum a, activation y. */
const DIAGRAM = `digraph neuron {
  rankdir=LR; bgcolor="white"; fontname="DejaVu Sans";
  label="One neuron: a = Σ xᵢwᵢ = 2·1 + 3·(−1) + 4·5 = 19,  y = ReLU(a) = 19"; labelloc=t; fontsize=13;
  node [fontname="DejaVu Sans", fontsize=12, style=filled];
  edge [fontname="DejaVu Sans", fontsize=11, color="#555555"];
  x1 [label="x1 = 2", shape=circle, fillcolor="#dbe9f6", width=0.9, fixedsize=true];
  x2 [label="x2 = 3", shape=circle, fillcolor="#dbe9f6", width=0.9, fixedsize=true];
  x3 [label="x3 = 4", shape=circle, fillcolor="#dbe9f6", width=0.9, fixedsize=true];
  sum [label="a = Σ xᵢwᵢ\\n= 19", shape=circle, fillcolor="#fff2cc", width=1.3, fixedsize=true];
  act [label="y = ReLU(a)\\n= 19", shape=box, fillcolor="#d9f2d9"];
  x1 -> sum [label="w1 = 1"];
  x2 -> sum [label="w2 = −1"];
  x3 -> sum [label="w3 = 5"];
  sum -> act;
}`;

function values(t: Tensor): number[] {
  return Array.from(t.data);
}

async function run(o: DemoOptions) {
  const log = o.log;
  const figures: string[] = [];
  const numbers: Record<string, number> = {};

  log('1. A neuron without bias: inputs x = (2, 3, 4), weights w = (1, −1, 5)');
  const x = tensor([2, 3, 4]);
  x.label = 'x';
  const w = tensor([1, -1, 5]).requireGrad();
  w.label = 'w';
  const a = sum(mul(x, w));
  a.label = 'a = Σ xᵢwᵢ';
  const y = relu(a);
  y.label = 'y = relu(a)';
  numbers.a = a.item();
  numbers.reluA = y.item();
  log(`   a = Σ xᵢwᵢ = 2·1 + 3·(−1) + 4·5 = ${numbers.a}`);
  log(`   y = relu(a) = ${numbers.reluA}`);
  y.backward();
  log(`   dy/dw = x = (${values(w.grad!).join(', ')})   (backward through relu and the sum)`);

  log('');
  log('2. A neuron with a bias: x = (0.8, 0.7, 0.9), w = (0.5, 0.3, 0.2), b = −0.4');
  const inputs = tensor([[0.8, 0.7, 0.9]]);
  const state = { weight: tensor([[0.5], [0.3], [0.2]]), bias: tensor([-0.4]) };
  const rows: string[][] = [['activation', 'f(z)']];
  for (const activation of ['linear', 'relu', 'sigmoid', 'tanh'] as NeuronActivation[]) {
    const n = new Neuron(3, { activation });
    n.loadStateDict(state);
    const out = n.forward(inputs).item();
    numbers[activation] = out;
    rows.push([activation, out.toFixed(4)]);
  }
  numbers.z = numbers.linear;
  log(`   z = 0.8·0.5 + 0.7·0.3 + 0.9·0.2 − 0.4 = ${numbers.z.toFixed(2)}`);
  for (const line of formatTable(rows)) log(`   ${line}`);
  log(`   sigmoid(z) ≈ ${numbers.sigmoid.toFixed(3)}`);

  log('');
  log('3. Softmax of the logits (2, 1, 0.5): probabilities that sum to 1');
  const p = values(softmax(tensor([2, 1, 0.5])));
  [numbers.softmax0, numbers.softmax1, numbers.softmax2] = p;
  log(
    `   softmax = (${p.map((v) => v.toFixed(3)).join(', ')}), sum = ${p.reduce((s, v) => s + v, 0).toFixed(3)}`,
  );

  log('');
  log('4. Activation functions');
  for (const line of formatTable([['name', 'formula', 'range', 'where used'], ...ACTIVATIONS])) {
    log(`   ${line}`);
  }

  const zs = linspace(-5, 5, 201);
  const zv = values(zs);
  figures.push(
    writeFigure(
      o.outDir,
      'activations',
      await linePlot({
        title: 'Activation functions',
        xLabel: 'z (weighted sum plus bias)',
        yLabel: 'f(z)',
        yDomain: [-2, 5],
        series: [
          { name: 'linear', x: zv, y: zv, dashed: true },
          { name: 'relu', x: zv, y: values(relu(zs)) },
          { name: 'leaky relu (slope 0.1)', x: zv, y: values(leakyRelu(zs, 0.1)) },
          { name: 'sigmoid', x: zv, y: values(sigmoid(zs)) },
          { name: 'tanh', x: zv, y: values(tanh(zs)) },
        ],
      }),
    ),
  );
  figures.push(
    writeFigure(
      o.outDir,
      'sigmoid-weights',
      await linePlot({
        title: "Effect of the weight on a sigmoid neuron's output",
        subtitle: 'y = sigmoid(w·x): the weight sets the steepness and direction',
        xLabel: 'input x',
        yLabel: 'output y',
        legendTitle: 'weight',
        series: [-2, -0.5, 0.5, 2].map((wi) => ({
          name: `w = ${wi}`,
          x: zv,
          y: values(sigmoid(mul(zs, wi))),
        })),
      }),
    ),
  );
  figures.push(writeFigure(o.outDir, 'neuron-diagram', await renderDot(DIAGRAM)));
  figures.push(
    writeFigure(
      o.outDir,
      'neuron-graph',
      await drawGraph(y, {
        title: 'The same neuron as an rxgrad graph, after y.backward()',
        rankdir: 'TB',
      }),
    ),
  );
  logFigures(log, figures);
  return { numbers, figures };
}

export const neuron: Demo = {
  name: 'neuron',
  summary: 'one artificial neuron: weighted sum, bias, activations, softmax (no training)',
  run,
};
