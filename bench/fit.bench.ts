// `fit` against a hand-written loop of the same steps, in the same process run: what the
// trainer (its Observable, scheduler slices, checks and events) costs per optimiser step.
import './setup.js';
import { lastValueFrom, toArray } from 'rxjs';
import { bench, describe } from 'vitest';
import {
  binaryCrossEntropy,
  Dataset,
  fit,
  Linear,
  type LossFn,
  type Module,
  Neuron,
  type Optimizer,
  ReLU,
  Sequential,
  sgd,
  sse,
  type Tensor,
  tensor,
} from '../lib/index.js';
import { type Named, neuronData, SETTINGS, tutorialData } from './data.js';

interface Workload {
  readonly model: Module;
  readonly data: Dataset;
  readonly optimizer: Optimizer;
  readonly loss: LossFn;
}

const t = (n: Named, requiresGrad = false) => tensor(n.data, { shape: n.shape, requiresGrad });

/** The tutorial network (batch 128, 1000 → 100 relu → 1, no biases, SSE, SGD), full batch. */
function tutorial(): Workload {
  const d = tutorialData();
  const model = new Sequential(
    new Linear(1000, 100, { bias: false }),
    new ReLU(),
    new Linear(100, 1, { bias: false }),
  );
  model.loadStateDict({ 'layers.0.weight': t(d.w1), 'layers.2.weight': t(d.w2) });
  const optimizer = sgd(model.parameters(), { lr: SETTINGS.tutorial.lr });
  return { model, data: new Dataset(t(d.x), t(d.y)), optimizer, loss: sse };
}

/** One sigmoid neuron on 455×30 (binary cross-entropy, SGD), full batch: per-step overhead shows. */
function neuron(): Workload {
  const d = neuronData();
  const model = new Neuron(30, { activation: 'sigmoid' });
  model.loadStateDict({ weight: t(d.w), bias: t(d.b) });
  const optimizer = sgd(model.parameters(), { lr: SETTINGS.neuron.lr });
  return { model, data: new Dataset(t(d.x), t(d.y)), optimizer, loss: binaryCrossEntropy };
}

/** `steps` steps of `fit` (one full batch per epoch), on its default scheduler; their losses. */
async function withFit(w: Workload, steps: number): Promise<number[]> {
  const events = await lastValueFrom(
    fit(w.model, w.data, {
      loss: w.loss,
      optimizer: w.optimizer,
      epochs: steps,
      batchSize: w.data.length,
      shuffle: false,
      emit: 'step',
    }).pipe(toArray()),
  );
  return events.flatMap((e) => (e.type === 'step' ? [e.loss] : []));
}

/** The same steps, written by hand. */
function byHand(w: Workload, steps: number): number[] {
  const { x, y } = w.data as { x: Tensor; y: Tensor };
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    w.optimizer.zeroGrad();
    const loss = w.loss(w.model.forward(x), y);
    loss.backward();
    w.optimizer.step();
    losses.push(loss.item());
  }
  w.optimizer.zeroGrad();
  return losses;
}

/** The workloads, with the optimiser steps of one benchmark iteration (bench/report.ts divides by it). */
export const FIT_WORKLOADS = {
  'fit-tutorial': [tutorial, 30],
  'fit-neuron': [neuron, 200],
} as const;

for (const [name, [make, steps]] of Object.entries(FIT_WORKLOADS)) {
  // The same computation: fit and the loop reach the same losses from the same weights.
  const [a, b] = [await withFit(make(), 5), byHand(make(), 5)];
  if (a.join() !== b.join()) throw new Error(`${name}: fit ${a} differs from the loop ${b}`);
  console.log(`${name}: fit and the hand-written loop, losses ${a[0]} → ${a[4]} (identical)`);

  describe(`${name}: ${steps} optimiser steps`, () => {
    const w = { fit: make(), loop: make() };
    bench('fit', () => withFit(w.fit, steps).then(() => {}), { time: 3000, warmupTime: 300 });
    bench('hand-written loop', () => void byHand(w.loop, steps), {
      time: 3000,
      warmupTime: 300,
    });
  });
}
