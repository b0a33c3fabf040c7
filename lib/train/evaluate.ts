import { noGrad, Tensor } from '../autograd/index.js';
import { ArgumentError } from '../core/index.js';
import { type DataLike, Dataset } from '../data/Dataset.js';
import { Module } from '../nn/Module.js';
import { concat } from '../ops/index.js';
import { type LossFn, type LossName, resolveLoss } from './resolveLoss.js';
import { type MetricsOption, metricValue, resolveMetrics } from './resolveMetrics.js';

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** Also compute this loss over the whole data set. */
  loss?: LossName | LossFn;
  /** Samples per forward pass (bounds memory; does not change the results). Default 256. */
  batchSize?: number;
}

/** What `evaluate` returns: plain numbers. */
export interface Evaluation {
  /** The loss over all samples (only when `loss` was given). */
  readonly loss?: number;
  /** Each metric over all samples, by reported name. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Number of samples evaluated. */
  readonly samples: number;
}

/** Checks `data` is a `Dataset` (or `{ x, y }` tensors, wrapped in one). */
export function asDataset(data: unknown, where: string, what = 'data'): Dataset {
  if (data instanceof Dataset) return data;
  const d = data as { x?: unknown; y?: unknown } | null;
  if (d && d.x instanceof Tensor && d.y instanceof Tensor) return new Dataset(d.x, d.y);
  throw new ArgumentError(
    `${where}: ${what} must be a Dataset (or { x, y } tensors), got ${data === null ? 'null' : typeof data}`,
  );
}

/** The model's predictions for every sample of `ds`, computed `batchSize` rows at a time. */
export function predictAll(model: Module, ds: Dataset, batchSize: number): Tensor {
  const n = ds.length;
  if (n <= batchSize) return model.forward(ds.x);
  const rowSize = ds.x.size / n;
  const parts: Tensor[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const rows = ds.x.data.subarray(start * rowSize, end * rowSize);
    parts.push(model.forward(new Tensor(rows, [end - start, ...ds.x.shape.slice(1)])));
  }
  return concat(parts, 0);
}

/**
 * Scores a model on a data set: its metrics (and optionally its loss) over all samples, in
 * evaluation mode (dropout off) and without recording gradients. The model's mode is restored.
 *
 * @example
 * evaluate(model, test, ['accuracy']).metrics.accuracy; // 0.95
 * evaluate(model, test, [], { loss: 'mse' }).loss;
 */
export function evaluate(
  model: Module,
  data: DataLike,
  metrics: MetricsOption = [],
  options: EvaluateOptions = {},
): Evaluation {
  const where = 'evaluate';
  if (!(model instanceof Module)) {
    throw new ArgumentError(`${where}: model must be a Module, got ${typeof model}`);
  }
  const ds = asDataset(data, where);
  const fns = resolveMetrics(metrics, where);
  const lossFn = options.loss === undefined ? undefined : resolveLoss(options.loss, where);
  const batchSize = options.batchSize ?? 256;
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new ArgumentError(`${where}: batchSize must be a positive integer, got ${batchSize}`);
  }
  return evaluateResolved(model, ds, fns, lossFn, batchSize, where);
}

/** `evaluate` with its arguments already checked (what `fit` calls at the end of each epoch). */
export function evaluateResolved(
  model: Module,
  ds: Dataset,
  fns: readonly [string, (p: Tensor, t: Tensor) => number | Tensor][],
  lossFn: LossFn | undefined,
  batchSize: number,
  where: string,
): Evaluation {
  const wasTraining = model.training;
  model.eval();
  try {
    return noGrad(() => {
      const pred = predictAll(model, ds, batchSize);
      const out: Record<string, number> = {};
      for (const [name, fn] of fns) out[name] = metricValue(fn(pred, ds.y), name, where);
      const loss = lossFn ? lossFn(pred, ds.y).item() : undefined;
      return loss === undefined
        ? { metrics: out, samples: ds.length }
        : { loss, metrics: out, samples: ds.length };
    });
  } finally {
    model.train(wasTraining);
  }
}
