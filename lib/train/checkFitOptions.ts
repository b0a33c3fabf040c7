import { asyncScheduler, type Observable, type SchedulerLike } from 'rxjs';
import { ArgumentError } from '../core/index.js';
import { Dataset } from '../data/Dataset.js';
import { Module } from '../nn/Module.js';
import type { Optimizer } from '../optim/Optimizer.js';
import type { ControlCommand } from './control.js';
import { asDataset } from './evaluate.js';
import type { FitOptions } from './fit.js';
import { type LossFn, resolveLoss } from './resolveLoss.js';
import { type MetricFn, resolveMetrics } from './resolveMetrics.js';
import { checkSnapshot, type Snapshot } from './snapshot.js';

/** `fit`'s arguments after checking, defaults filled in. */
export interface FitConfig {
  readonly data: Dataset;
  readonly lossFn: LossFn;
  readonly optimizer: Optimizer;
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  readonly seed: number;
  readonly validation: Dataset | number | undefined;
  readonly metrics: readonly [string, MetricFn][];
  /** A step event every `emitEvery` steps; 0 for none. */
  readonly emitEvery: number;
  readonly scheduler: SchedulerLike;
  readonly sliceMs: number;
  readonly control$: Observable<ControlCommand> | undefined;
  readonly resumeFrom: Snapshot | undefined;
}

const KNOWN = new Set([
  'loss',
  'optimizer',
  'epochs',
  'batchSize',
  'shuffle',
  'dropLast',
  'seed',
  'validation',
  'metrics',
  'emit',
  'scheduler',
  'sliceMs',
  'control$',
  'resumeFrom',
]);

const fail = (message: string): never => {
  throw new ArgumentError(`fit: ${message}`);
};

function positiveInteger(value: unknown, name: string, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || (v as number) <= 0) {
    fail(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return v as number;
}

function checkOptimizer(model: Module, optimizer: unknown): Optimizer {
  const o = optimizer as Optimizer | undefined;
  if (!o || typeof o.step !== 'function' || typeof o.state !== 'function' || !o.params) {
    fail(
      `optimizer must be an Optimizer such as sgd(model.parameters(), { lr }), got ${o === undefined ? 'nothing' : typeof o}`,
    );
  }
  const mine = new Set(model.parameters());
  if (!o!.params.some((p) => mine.has(p))) {
    fail("the optimizer updates none of the model's parameters; create it from model.parameters()");
  }
  return o!;
}

function checkEmit(emit: unknown): number {
  if (emit === undefined || emit === 'epoch') return 0;
  if (emit === 'step') return 1;
  if (Number.isInteger(emit) && (emit as number) > 0) return emit as number;
  return fail(
    `emit must be 'epoch', 'step' or a positive integer (a step event every n steps), got ${JSON.stringify(emit)}`,
  );
}

/** Checks `fit`'s arguments, naming the first that is wrong in an `ArgumentError`. */
export function checkFitOptions(model: unknown, data: unknown, options: FitOptions): FitConfig {
  if (!(model instanceof Module)) fail(`model must be a Module, got ${typeof model}`);
  const ds = asDataset(data, 'fit');
  if (options === null || typeof options !== 'object') {
    fail('options { loss, optimizer, ... } are required');
  }
  const unknown = Object.keys(options).find((key) => !KNOWN.has(key));
  if (unknown) fail(`unknown option '${unknown}'; known options are ${[...KNOWN].join(', ')}`);
  const { validation, scheduler, control$, seed = 0, sliceMs = 10 } = options;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    fail(`seed must be a finite number, got ${JSON.stringify(seed)}`);
  }
  if (typeof sliceMs !== 'number' || !(sliceMs >= 0)) {
    fail(`sliceMs must be a number ≥ 0, got ${JSON.stringify(sliceMs)}`);
  }
  if (
    validation !== undefined &&
    !(validation instanceof Dataset) &&
    !(typeof validation === 'number' && validation > 0 && validation < 1)
  ) {
    fail(`validation must be a Dataset or a fraction in (0, 1), got ${JSON.stringify(validation)}`);
  }
  if (scheduler !== undefined && typeof scheduler?.schedule !== 'function') {
    fail('scheduler must be an RxJS SchedulerLike (asyncScheduler, ...)');
  }
  if (control$ !== undefined && typeof control$?.subscribe !== 'function') {
    fail('control$ must be an Observable of control commands');
  }
  for (const key of ['shuffle', 'dropLast'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') {
      fail(`${key} must be a boolean, got ${JSON.stringify(options[key])}`);
    }
  }
  return {
    data: ds,
    lossFn: resolveLoss(options.loss, 'fit'),
    optimizer: checkOptimizer(model as Module, options.optimizer),
    epochs: positiveInteger(options.epochs, 'epochs', 1),
    batchSize: positiveInteger(options.batchSize, 'batchSize', 32),
    shuffle: options.shuffle ?? true,
    dropLast: options.dropLast ?? false,
    seed,
    validation,
    metrics: resolveMetrics(options.metrics, 'fit'),
    emitEvery: checkEmit(options.emit),
    scheduler: scheduler ?? asyncScheduler,
    sliceMs,
    control$,
    resumeFrom:
      options.resumeFrom === undefined ? undefined : checkSnapshot(options.resumeFrom, 'fit'),
  };
}
