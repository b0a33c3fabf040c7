import { concat, concatWith, defer, EMPTY, isObservable, map, type Observable, of } from 'rxjs';
import { ArgumentError } from '../core/index.js';
import type { EpochEvent, RestartsEvent, SummaryEvent, TrainEvent } from './events.js';
import { type Monitor, resolveMonitor } from './monitor.js';
import { linkRun } from './TrainRun.js';

/** What a `restarts` factory returns: a run, or a run and a score computed once it completed. */
export type RestartRun =
  | Observable<TrainEvent>
  | { readonly run$: Observable<TrainEvent>; readonly score: () => number };

/** Options of `restarts`. */
export interface RestartsOptions {
  /** Run i gets seed `seed + i`. Default 0. */
  seed?: number;
  /**
   * What to summarise when the factory returns no `score`: a field of each run's last epoch
   * event, as `earlyStopping`'s monitor. Default `'valLoss'` with validation, else `'loss'`.
   */
  metric?: Monitor;
  /** The metric's name in the summary. Default: the monitored field, or `'score'`. */
  name?: string;
}

/** Mean, population standard deviation, min and max. */
function summarise(values: readonly number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
  return { mean, std, min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Runs `n` independent seeded trainings one after the other: run i is `factory(seed + i, i)`,
 * its events tagged with `run: i`; then emits a `summary` of one number per run (mean,
 * population standard deviation, min, max). The number is the factory's `score()` (e.g. a
 * test accuracy, computed after the run) or the `metric` field of the run's last epoch event.
 * Cold like `fit`: each subscription does all the runs again.
 *
 * @example
 * restarts(10, (seed) => {
 *   const model = mlp([30, 16, 1], { seed, outputActivation: 'sigmoid' });
 *   const optimizer = sgd(model.parameters(), { lr: 0.1 });
 *   return { run$: fit(model, train, { loss: 'mse', optimizer, epochs: 50, seed }),
 *            score: () => evaluate(model, test, ['binaryAccuracy']).metrics.binaryAccuracy };
 * }, { name: 'test accuracy' }).pipe(filter((e) => e.type === 'summary'))
 */
export function restarts(
  n: number,
  factory: (seed: number, run: number) => RestartRun,
  options: RestartsOptions = {},
): Observable<RestartsEvent> {
  const where = 'restarts';
  if (!Number.isInteger(n) || n <= 0) {
    throw new ArgumentError(`${where}: n must be a positive integer, got ${JSON.stringify(n)}`);
  }
  if (typeof factory !== 'function') {
    throw new ArgumentError(`${where}: factory must be a function (seed, run) => fit(...)`);
  }
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new ArgumentError(`${where}: seed must be a finite number, got ${JSON.stringify(seed)}`);
  }
  const monitor = resolveMonitor(options.metric, undefined, where);
  return defer(() => {
    const values: number[] = [];
    const seeds: number[] = [];
    let metric = options.name;
    const one = (i: number) =>
      defer(() => {
        const made = factory(seed + i, i);
        const scored = !isObservable(made);
        const run$ = scored ? made?.run$ : made;
        if (!isObservable(run$)) {
          throw new ArgumentError(
            `${where}: the factory must return an Observable of events or { run$, score }, got ${typeof made}`,
          );
        }
        seeds.push(seed + i);
        let last: EpochEvent | null = null;
        const record = () => {
          if (scored) {
            values.push((made as { score: () => number }).score());
            metric ??= 'score';
          } else {
            if (!last) {
              throw new ArgumentError(
                `${where}: run ${i} ended without an epoch event, so it has no '${monitor.name({ valLoss: undefined } as EpochEvent)}' to summarise`,
              );
            }
            values.push(monitor.read(last));
            metric ??= monitor.name(last);
          }
          return EMPTY;
        };
        return run$.pipe(
          map((e) => {
            if (e.type === 'epoch') last = e;
            return linkRun({ ...e, run: i }, e);
          }),
          concatWith(defer(record)),
        );
      });
    const runs = Array.from({ length: n }, (_, i) => one(i));
    return concat(
      ...runs,
      defer(() => {
        const summary: SummaryEvent = {
          type: 'summary',
          metric: metric ?? 'score',
          runs: n,
          seeds,
          values,
          ...summarise(values),
        };
        return of(summary);
      }),
    );
  });
}
