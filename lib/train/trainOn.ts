import {
  BehaviorSubject,
  concatMap,
  defer,
  EMPTY,
  finalize,
  first,
  map,
  merge,
  NEVER,
  type Observable,
  type OperatorFunction,
  observeOn,
  of,
  queueScheduler,
  Subject,
  takeUntil,
  takeWhile,
  tap,
} from 'rxjs';
import { Tensor } from '../autograd/index.js';
import { ArgumentError, NonFiniteError } from '../core/index.js';
import type { Batch } from '../data/batches.js';
import { Module } from '../nn/Module.js';
import type { Optimizer } from '../optim/Optimizer.js';
import { claimModel } from './claimModel.js';
import { applyCommand, type ControlCommand, checkCommand, type RunGate } from './control.js';
import type { CheckpointEvent, ControlEvent, StepEvent } from './events.js';
import { firstNonFiniteIndex } from './findNonFinite.js';
import { type LossFn, type LossName, resolveLoss } from './resolveLoss.js';
import { StepEngine } from './StepEngine.js';

/** Options of `trainOn`. */
export interface TrainOnOptions {
  /** The loss: a function (pred, target) => scalar Tensor, or a name (`'mse'`, ...). Required. */
  loss: LossName | LossFn;
  /** The optimiser, over the model's parameters. Required. */
  optimizer: Optimizer;
  /** Commands for the run: pause, resume, stop, setLearningRate, checkpoint (see `ControlCommand`). */
  control$?: Observable<ControlCommand>;
}

/** What `trainOn` emits: a step event per batch, and the answers to its control commands. */
export type OnlineEvent = StepEvent | ControlEvent | CheckpointEvent;

const WHERE = 'trainOn';

/** Checks a batch: tensors x and y, every value finite. */
function checkBatch(batch: Batch, step: number): Batch {
  const { x, y } = batch ?? {};
  if (!(x instanceof Tensor) || !(y instanceof Tensor)) {
    const got = batch === null ? 'null' : typeof batch;
    throw new ArgumentError(`${WHERE}: each batch must be { x: Tensor, y: Tensor }, got ${got}`);
  }
  const [what, t] = Object.entries({ x, y }).find(([, t]) => firstNonFiniteIndex(t) >= 0) ?? [];
  if (!t) return batch;
  const i = firstNonFiniteIndex(t);
  throw new NonFiniteError(`${WHERE}: batch ${step} ${what} holds ${t.data[i]} at flat index ${i}`);
}

/**
 * Online learning: an operator that trains `model` on each batch its source emits (sensor
 * readings, user events, a replay of a data set) and emits one `step` event per batch, with
 * `epoch` 0. The source sets the pace; each subscription is a run of its own, with the same
 * errors and the same divergence contract as `fit` (`NonFiniteError` naming the step, the
 * model left with the last completed step's weights; `ShapeError` for a batch the model cannot
 * take); option errors arrive as error notifications. `control$` works as for `fit`: while
 * paused (or held), batches wait and are trained on `resume`, in order; `stop` completes;
 * `checkpoint` answers with a snapshot (without an epoch position).
 *
 * @example
 * readings$.pipe(
 *   map((r) => ({ x: tensor([r.features]), y: tensor([[r.label]]) })),
 *   trainOn(model, { loss: 'mse', optimizer: sgd(model.parameters(), { lr: 0.01 }) }),
 * ).subscribe((e) => plot(e.step, e.loss));
 */
export function trainOn(
  model: Module,
  options: TrainOnOptions & { control$: Observable<ControlCommand> },
): OperatorFunction<Batch, OnlineEvent>;
export function trainOn(model: Module, options: TrainOnOptions): OperatorFunction<Batch, StepEvent>;
export function trainOn(
  model: Module,
  options: TrainOnOptions,
): OperatorFunction<Batch, OnlineEvent> {
  return (batches$) =>
    defer(() => {
      if (!(model instanceof Module)) {
        throw new ArgumentError(`${WHERE}: model must be a Module, got ${typeof model}`);
      }
      const { optimizer, control$ = NEVER } = options ?? {};
      const lossFn = resolveLoss(options?.loss, WHERE);
      if (typeof optimizer?.step !== 'function' || typeof optimizer.state !== 'function') {
        throw new ArgumentError(
          `${WHERE}: optimizer must be an Optimizer such as sgd(model.parameters(), { lr })`,
        );
      }
      const engine = new StepEngine(model, optimizer, lossFn, WHERE);
      const release = claimModel(model, WHERE);
      const gate$ = new BehaviorSubject<RunGate>({ paused: false, holds: 0 });
      const trained$ = new Subject<void>();
      let step = 0;
      const train = (batch: Batch): StepEvent => {
        const { x, y } = checkBatch(batch, step + 1);
        const loss = engine.step(x, y, { step: step + 1, epoch: 0 });
        return { type: 'step', epoch: 0, step: ++step, loss };
      };
      const snapshot = () => engine.snapshot({ epoch: 0, step }, null, null);
      // One command at a time; its new gate applies once its answer is out.
      const answers$ = control$.pipe(
        concatMap((input) => {
          const run = { engine, gate: gate$.value, epoch: 0, step, snapshot };
          const [gate, answer] = applyCommand(checkCommand(input, WHERE), run);
          return (answer ? of(answer) : EMPTY).pipe(finalize(() => gate$.next(gate)));
        }),
        takeUntil(trained$),
      );
      const steps$ = batches$.pipe(
        concatMap((batch) =>
          gate$.pipe(
            first((g) => !g.paused && g.holds === 0),
            map(() => train(batch)),
          ),
        ),
        tap({ complete: () => trained$.next() }),
      );
      // the commands are listened to first: a source may deliver its batches on subscription
      return merge(answers$, steps$).pipe(
        // NOTE: a command sent while an event is being delivered is answered after that delivery
        observeOn(queueScheduler),
        takeWhile((e) => !(e.type === 'control' && e.command === 'stop'), true),
        tap({ complete: release, error: release }), // before the notification: the model is free
        finalize(release),
      );
    });
}
