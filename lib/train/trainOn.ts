import {
  concatMap,
  defer,
  finalize,
  Observable,
  type OperatorFunction,
  Subject,
  takeUntil,
} from 'rxjs';
import { Tensor } from '../autograd/index.js';
import { ArgumentError, NonFiniteError } from '../core/index.js';
import type { Batch } from '../data/batches.js';
import { Module } from '../nn/Module.js';
import type { Optimizer } from '../optim/Optimizer.js';
import type { StepEvent } from './events.js';
import { firstNonFiniteIndex } from './findNonFinite.js';
import { RunCore } from './RunCore.js';
import { type LossFn, type LossName, resolveLoss } from './resolveLoss.js';
import { linkRun } from './TrainRun.js';

/** Options of `trainOn`. */
export interface TrainOnOptions {
  /** The loss: a function (pred, target) => scalar Tensor, or a name (`'mse'`, ...). Required. */
  loss: LossName | LossFn;
  /** The optimiser, over the model's parameters. Required. */
  optimizer: Optimizer;
}

const WHERE = 'trainOn';

/** A `trainOn` subscription: one step per batch, as its source delivers them. */
class OnlineRun extends RunCore {
  readonly stopped$ = new Subject<void>();
  private delivering = false;

  begin(): void {
    this.claimModel();
  }

  end(): void {
    this.ended = true;
    this.model.zeroGrad();
    this.releaseModel();
  }

  protected override wake(): void {
    if (this.stopRequested && !this.delivering) this.stopped$.next();
  }

  /** Trains on `batch` and delivers its step event; a stop asked for meanwhile ends the stream after it. */
  step$(batch: Batch): Observable<StepEvent> {
    return new Observable<StepEvent>((subscriber) => {
      const event = this.onBatch(batch);
      this.delivering = true;
      subscriber.next(event);
      this.delivering = false;
      subscriber.complete();
      this.wake();
    });
  }

  onBatch(batch: Batch): StepEvent {
    if (!(batch?.x instanceof Tensor) || !(batch.y instanceof Tensor)) {
      throw new ArgumentError(
        `${WHERE}: each batch must be { x: Tensor, y: Tensor }, got ${batch === null ? 'null' : typeof batch}`,
      );
    }
    for (const [t, what] of [
      [batch.x, 'x'],
      [batch.y, 'y'],
    ] as const) {
      const i = firstNonFiniteIndex(t);
      if (i >= 0) {
        throw new NonFiniteError(
          `${WHERE}: batch ${this.step + 1} ${what} holds ${t.data[i]} at flat index ${i}`,
        );
      }
    }
    const loss = this.trainStep(batch.x, batch.y, 0);
    return linkRun({ type: 'step', epoch: 0, step: this.step, loss }, this);
  }
}

/**
 * Online learning: an operator that trains `model` on each batch its source emits (sensor
 * readings, user events, a replay of a data set) and emits one `step` event per batch. The
 * source sets the pace (there is no scheduler and no pause); each subscription is a run of its
 * own, with the same errors as `fit` (`NonFiniteError` naming the step, `ShapeError` for a
 * batch the model cannot take). The run handle (`runOf(event)`) offers `stop()`, the learning
 * rate, weights and snapshots, so `checkpoint({ unit: 'step' })` works on it.
 *
 * @example
 * readings$.pipe(
 *   map((r) => ({ x: tensor([r.features]), y: tensor([[r.label]]) })),
 *   trainOn(model, { loss: 'mse', optimizer: sgd(model.parameters(), { lr: 0.01 }) }),
 * ).subscribe((e) => plot(e.step, e.loss));
 */
export function trainOn(
  model: Module,
  options: TrainOnOptions,
): OperatorFunction<Batch, StepEvent> {
  if (!(model instanceof Module)) {
    throw new ArgumentError(`${WHERE}: model must be a Module, got ${typeof model}`);
  }
  const lossFn = resolveLoss(options?.loss, WHERE);
  const optimizer = options.optimizer;
  if (!optimizer || typeof optimizer.step !== 'function' || typeof optimizer.state !== 'function') {
    throw new ArgumentError(
      `${WHERE}: optimizer must be an Optimizer such as sgd(model.parameters(), { lr })`,
    );
  }
  return (source: Observable<Batch>) =>
    defer(() => {
      const run = new OnlineRun(model, optimizer, lossFn, WHERE);
      run.begin();
      return source.pipe(
        concatMap((batch) => run.step$(batch)),
        takeUntil(run.stopped$),
        finalize(() => run.end()),
      );
    });
}
