import { asyncScheduler } from 'rxjs';
import { ArgumentError, excerpt } from '../core/index.js';
import { Dataset } from '../data/Dataset.js';
import { Module } from '../nn/Module.js';
import { asDataset } from './evaluate.js';
import type { FitOptions } from './fit.js';
import { resolveLoss } from './resolveLoss.js';
import { resolveMetrics } from './resolveMetrics.js';
import { checkSnapshot } from './snapshot.js';

const KNOWN = Object.keys({
  loss: 0,
  optimizer: 0,
  epochs: 0,
  batchSize: 0,
  shuffle: 0,
  dropLast: 0,
  seed: 0,
  validation: 0,
  metrics: 0,
  emit: 0,
  scheduler: 0,
  sliceMs: 0,
  control$: 0,
  resumeFrom: 0,
} satisfies Record<keyof FitOptions, 0>);

/** An `ArgumentError` of `fit` with `message`, unless `ok`. */
function need(ok: boolean, message: string): void {
  if (!ok) throw new ArgumentError(`fit: ${message}`);
}

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
const show = (v: unknown) => excerpt(v);

/** `fit`'s arguments after checking, defaults filled in. */
export type FitConfig = ReturnType<typeof checkFitOptions>;

/** Checks `fit`'s arguments, naming the first that is wrong in an `ArgumentError`. */
export function checkFitOptions(model: unknown, data: unknown, options: FitOptions) {
  need(model instanceof Module, `model must be a Module, got ${typeof model}`);
  const dataset = asDataset(data, 'fit');
  need(
    options !== null && typeof options === 'object',
    'options { loss, optimizer, ... } are required',
  );
  const unknown = Object.keys(options).find((key) => !KNOWN.includes(key));
  need(!unknown, `unknown option '${unknown}'; known options are ${KNOWN.join(', ')}`);
  const { epochs = 1, batchSize = 32, shuffle = true, dropLast = false, seed = 0 } = options;
  const { validation, emit = 'epoch', scheduler = asyncScheduler, sliceMs = 10 } = options;
  const { control$, optimizer } = options;
  need(isCount(epochs), `epochs must be a positive integer, got ${show(epochs)}`);
  need(isCount(batchSize), `batchSize must be a positive integer, got ${show(batchSize)}`);
  need(typeof shuffle === 'boolean', `shuffle must be a boolean, got ${show(shuffle)}`);
  need(typeof dropLast === 'boolean', `dropLast must be a boolean, got ${show(dropLast)}`);
  need(Number.isFinite(seed), `seed must be a finite number, got ${show(seed)}`);
  need(
    typeof sliceMs === 'number' && sliceMs >= 0,
    `sliceMs must be a number ≥ 0, got ${show(sliceMs)}`,
  );
  const fraction = typeof validation === 'number' && validation > 0 && validation < 1;
  need(
    validation === undefined || validation instanceof Dataset || fraction,
    `validation must be a Dataset or a fraction in (0, 1), got ${show(validation)}`,
  );
  const every = emit === 'step' ? 1 : emit === 'epoch' ? 0 : emit;
  need(
    every === 0 || isCount(every),
    `emit must be 'epoch', 'step' or a positive integer (a step event every n steps), got ${show(emit)}`,
  );
  need(typeof scheduler?.schedule === 'function', 'scheduler must be an RxJS SchedulerLike');
  need(!control$ || typeof control$.subscribe === 'function', 'control$ must be an Observable');
  need(
    typeof optimizer?.step === 'function' && typeof optimizer.state === 'function',
    `optimizer must be an Optimizer such as sgd(model.parameters(), { lr }), got ${optimizer === undefined ? 'nothing' : typeof optimizer}`,
  );
  const mine = new Set((model as Module).parameters());
  need(
    optimizer.params.some((p) => mine.has(p)),
    "the optimizer updates none of the model's parameters; create it from model.parameters()",
  );
  return {
    data: dataset,
    lossFn: resolveLoss(options.loss, 'fit'),
    metrics: resolveMetrics(options.metrics, 'fit'),
    ...{ optimizer, epochs, batchSize, shuffle, dropLast, seed, validation, scheduler, sliceMs },
    control$,
    /** A step event every `emitEvery` steps; 0 for none. */
    emitEvery: every as number,
    resumeFrom:
      options.resumeFrom === undefined ? undefined : checkSnapshot(options.resumeFrom, 'fit'),
  };
}
