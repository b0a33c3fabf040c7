import { Tensor } from '../autograd/index.js';
import { ArgumentError } from '../core/index.js';
import {
  accuracy,
  binaryAccuracy,
  f1,
  mae,
  precision,
  r2,
  recall,
  rmse,
} from '../metrics/index.js';

/** A metric: a number (or a one-element tensor) from predictions and targets. */
export type MetricFn = (pred: Tensor, target: Tensor) => number | Tensor;

/** The metrics known by name (rxgrad's metrics with their default options). */
export const METRICS = {
  /** `'accuracy'` in a `metrics` option: {@link accuracy}. */
  accuracy,
  /** `'binaryAccuracy'` in a `metrics` option: {@link binaryAccuracy}. */
  binaryAccuracy,
  /** `'precision'` in a `metrics` option: {@link precision} with its defaults (binary, positive class 1). */
  precision,
  /** `'recall'` in a `metrics` option: {@link recall} with its defaults (binary, positive class 1). */
  recall,
  /** `'f1'` in a `metrics` option: {@link f1} with its defaults (binary, positive class 1). */
  f1,
  /** `'mae'` in a `metrics` option: {@link mae}. */
  mae,
  /** `'rmse'` in a `metrics` option: {@link rmse}. */
  rmse,
  /** `'r2'` in a `metrics` option: {@link r2}. */
  r2,
} as const satisfies Record<string, (pred: Tensor, target: Tensor) => number>;

/** A metric by name: `'accuracy'`, `'binaryAccuracy'`, `'precision'`, `'recall'`, `'f1'`, `'mae'`, `'rmse'`, `'r2'`. */
export type MetricName = keyof typeof METRICS;

/**
 * Metrics as `fit` and `evaluate` take them: a list of names and functions (a function is
 * reported under its `name`), or a record from the name to report to a name or a function.
 *
 * @example
 * ['accuracy', 'f1']
 * { acc: 'accuracy', top: (p, t) => myScore(p, t) }
 */
export type MetricsOption =
  | readonly (MetricName | MetricFn)[]
  | Readonly<Record<string, MetricName | MetricFn>>;

/** Metrics for which a larger value is better (`mode: 'max'` by default when monitored). */
export const HIGHER_IS_BETTER: ReadonlySet<string> = new Set([
  'accuracy',
  'binaryAccuracy',
  'precision',
  'recall',
  'f1',
  'r2',
]);

function resolveOne(m: unknown, where: string): MetricFn {
  if (typeof m === 'function') return m as MetricFn;
  if (typeof m === 'string' && Object.hasOwn(METRICS, m)) return METRICS[m as MetricName];
  const names = Object.keys(METRICS)
    .map((n) => `'${n}'`)
    .join(', ');
  throw new ArgumentError(
    `${where}: a metric must be a function (pred, target) => number or one of ${names}, got ${JSON.stringify(m)}`,
  );
}

/** The metrics `option` asks for, as [reported name, function] pairs. */
export function resolveMetrics(option: unknown, where: string): [string, MetricFn][] {
  if (option === undefined) return [];
  let pairs: [string, unknown][];
  if (Array.isArray(option)) {
    pairs = option.map((m, i) => {
      const name = typeof m === 'string' ? m : typeof m === 'function' ? m.name : '';
      if (!name) {
        throw new ArgumentError(
          `${where}: metric ${i} is an anonymous function; name it, or pass metrics as a record { name: fn }`,
        );
      }
      return [name, m];
    });
  } else if (option !== null && typeof option === 'object') {
    pairs = Object.entries(option);
  } else {
    throw new ArgumentError(
      `${where}: metrics must be a list of names/functions or a record of them, got ${JSON.stringify(option)}`,
    );
  }
  const seen = new Set<string>();
  return pairs.map(([name, m]) => {
    if (seen.has(name)) throw new ArgumentError(`${where}: metric '${name}' is listed twice`);
    seen.add(name);
    return [name, resolveOne(m, where)];
  });
}

/** The value of metric `name` as a number (a one-element tensor is unwrapped). */
export function metricValue(value: number | Tensor, name: string, where: string): number {
  if (typeof value === 'number') return value;
  if (value instanceof Tensor && value.size === 1) return value.item();
  throw new ArgumentError(
    `${where}: metric '${name}' must return a number or a one-element tensor, got ${value instanceof Tensor ? `a tensor of ${value.size} elements` : typeof value}`,
  );
}
