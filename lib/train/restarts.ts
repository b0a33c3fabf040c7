import { concat, defer, EMPTY, isObservable, map, type Observable, of } from 'rxjs';
import { ArgumentError } from '../core/index.js';
import type { EpochEvent, RestartsEvent, SummaryEvent, TrainEvent } from './events.js';
import { type Monitor, resolveMonitor } from './monitor.js';

/** What a `restarts` factory returns for one training: its events, or its events and a score computed once it completed. */
export type Trial =
  | Observable<TrainEvent>
  | {
      /** The training's events. */
      readonly run$: Observable<TrainEvent>;
      /** The training's number for the summary, called once `run$` has completed. */
      readonly score: () => number;
    };

/** Options of `restarts`. */
export interface RestartsOptions {
  /** Training i gets seed `seed + i`. Default 0. */
  seed?: number;
  /**
   * What to summarise when the factory returns no `score`: a field of each training's last
   * epoch event, as `earlyStopping`'s monitor. Default `'valLoss'` with validation, else `'loss'`.
   */
  metric?: Monitor;
  /** The metric's name in the summary. Default: the monitored field, or `'score'`. */
  name?: string;
}

const WHERE = 'restarts';

/** Mean, population standard deviation, min and max. */
function summarise(values: readonly number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
  return { mean, std, min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Runs `n` independent seeded trainings one after the other: training i is
 * `factory(seed + i, i)`, its events tagged with `run: i`; then emits a `summary` of one number
 * per training (mean, population standard deviation, min, max). The number is the factory's
 * `score()` (e.g. a test accuracy, computed after the training) or the `metric` field of its
 * last epoch event. Cold like `fit`: each subscription does all the trainings again; bad
 * arguments are `ArgumentError` notifications.
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
  factory: (seed: number, run: number) => Trial,
  options: RestartsOptions = {},
): Observable<RestartsEvent> {
  return defer(() => {
    if (!Number.isInteger(n) || n <= 0) {
      throw new ArgumentError(`${WHERE}: n must be a positive integer, got ${JSON.stringify(n)}`);
    }
    if (typeof factory !== 'function') {
      throw new ArgumentError(`${WHERE}: factory must be a function (seed, run) => fit(...)`);
    }
    const seed = options.seed ?? 0;
    if (typeof seed !== 'number' || !Number.isFinite(seed)) {
      throw new ArgumentError(
        `${WHERE}: seed must be a finite number, got ${JSON.stringify(seed)}`,
      );
    }
    const monitor = resolveMonitor(options.metric, undefined, WHERE);
    const seeds: number[] = [];
    const values: number[] = [];
    let metric = options.name;

    const trial = (i: number) =>
      defer(() => {
        const made = factory(seed + i, i);
        const run$ = isObservable(made) ? made : made?.run$;
        if (!isObservable(run$)) {
          throw new ArgumentError(
            `${WHERE}: the factory must return an Observable of events or { run$, score }, got ${typeof made}`,
          );
        }
        seeds.push(seed + i);
        let last: EpochEvent | undefined;
        const record = defer(() => {
          if (!isObservable(made)) {
            values.push(made.score());
            metric ??= 'score';
          } else if (last) {
            values.push(monitor.read(last));
            metric ??= monitor.name(last);
          } else {
            throw new ArgumentError(
              `${WHERE}: run ${i} ended without an epoch event, so it has no ${monitor.label} to summarise`,
            );
          }
          return EMPTY;
        });
        const tagged$ = run$.pipe(
          map((e) => {
            if (e.type === 'epoch') last = e;
            return { ...e, run: i };
          }),
        );
        return concat(tagged$, record);
      });

    const summary = defer(() =>
      of<SummaryEvent>({
        type: 'summary',
        metric: metric ?? 'score',
        runs: n,
        seeds,
        values,
        ...summarise(values),
      }),
    );
    return concat(...Array.from({ length: n }, (_, i) => trial(i)), summary);
  });
}
