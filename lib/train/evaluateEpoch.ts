import { noGrad } from '../autograd/index.js';
import type { Dataset } from '../data/Dataset.js';
import { predictAll } from './evaluate.js';
import type { EpochEvent } from './events.js';
import { firstNonFiniteIndex } from './findNonFinite.js';
import { type MetricFn, metricValue } from './resolveMetrics.js';
import { describeStep, type StepAt, type StepEngine } from './StepEngine.js';

/** What an epoch event reports besides its loss: metrics, and the validation loss and metrics. */
export type EpochScores = Pick<EpochEvent, 'metrics' | 'valLoss' | 'valMetrics'>;

/**
 * Scores the model after the epoch's last step `at` (eval mode, no gradients): the metrics on
 * the training set, then the loss and metrics on the validation set. The first NaN or
 * ±Infinity among the predictions, the metrics and the loss is a `NonFiniteError` naming the
 * step, the epoch and, for predictions and loss, the first op that produced it, rather than a
 * number in an event, or a metric's own complaint about non-finite predictions.
 */
export function evaluateEpoch(
  engine: StepEngine,
  sets: { readonly train: Dataset; readonly val: Dataset | null },
  metrics: readonly [string, MetricFn][],
  batchSize: number,
  at: StepAt,
): EpochScores {
  const { model } = engine;
  if (metrics.length === 0 && !sets.val) return { metrics: {} };
  const wasTraining = model.training;
  model.eval();
  try {
    const train = metrics.length ? score(sets.train, 'training', false) : { metrics: {} };
    if (!sets.val) return { metrics: train.metrics };
    const val = score(sets.val, 'validation', true);
    return { metrics: train.metrics, valLoss: val.loss, valMetrics: val.metrics };
  } finally {
    model.train(wasTraining);
  }

  function score(ds: Dataset, set: string, withLoss: boolean) {
    const after = `on the ${set} set after ${describeStep(at)}`;
    const pred = noGrad(() => predictAll(model, ds, batchSize));
    const i = firstNonFiniteIndex(pred);
    if (i >= 0) {
      // NOTE: the forward again, recording its graph this time, to find the op (only on failure)
      throw engine.nonFinite(
        `the predictions hold ${pred.data[i]} ${after}`,
        at,
        model.forward(ds.x),
      );
    }
    const values: Record<string, number> = {};
    for (const [name, fn] of metrics) {
      const v = metricValue(
        noGrad(() => fn(pred, ds.y)),
        name,
        engine.where,
      );
      if (!Number.isFinite(v)) throw engine.nonFinite(`metric '${name}' is ${v} ${after}`, at);
      values[name] = v;
    }
    const loss = withLoss ? noGrad(() => engine.lossFn(pred, ds.y).item()) : 0;
    if (!Number.isFinite(loss)) {
      const graph = engine.lossFn(model.forward(ds.x), ds.y);
      throw engine.nonFinite(`the loss is ${loss} ${after}`, at, graph);
    }
    return { loss, metrics: values };
  }
}
