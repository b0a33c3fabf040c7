import { type Observable, type SchedulerAction, type SchedulerLike, Subscription } from 'rxjs';
import {
  Dataset,
  type EpochEvent,
  matmul,
  type Optimizer,
  type OptimizerState,
  type Tensor,
  type TrainEvent,
  tensor,
} from '../../lib/index.js';
import { Module } from '../../lib/nn/Module.js';

/** y = x·w with one weight (shape [1, 1]): small enough to compute every step by hand. */
export class Scale extends Module {
  w: Tensor;
  constructor(w0 = 0) {
    super();
    this.w = tensor([[w0]]).requireGrad();
  }
  forward(x: Tensor): Tensor {
    return matmul(x, this.w);
  }
  get value(): number {
    return this.w.data[0];
  }
}

/** Plain gradient descent, written here so the specs do not depend on lib/optim. */
export class PlainSgd implements Optimizer {
  stepCount = 0;
  constructor(
    readonly params: readonly Tensor[],
    public lr: number,
  ) {}
  step(): void {
    for (const p of this.params) {
      if (!p.grad) continue;
      for (let i = 0; i < p.size; i++) p.data[i] -= this.lr * p.grad.data[i];
    }
    this.stepCount++;
  }
  zeroGrad(): void {
    for (const p of this.params) p.grad = null;
  }
  state(): OptimizerState {
    return { name: 'plainSgd', step: this.stepCount, lr: this.lr, buffers: {} };
  }
  loadState(state: OptimizerState): void {
    this.stepCount = state.step;
    this.lr = state.lr;
  }
}

/**
 * x = [1, 2], y = [2, 4] (y = 2x), w0 = 0, mse, full batch, lr 0.1. By hand:
 * loss(w) = ((w−2)² + 4(w−2)²)/2 = 2.5(w−2)², dloss/dw = 5(w−2), w ← w − 0.1·5(w−2) = (w+2)/2.
 * w: 0 → 1 → 1.5 → 1.75 → 1.875; loss: 10, 2.5, 0.625, 0.15625, 0.0390625 (exact in binary).
 */
export function line(): { model: Scale; data: Dataset; optimizer: PlainSgd } {
  const model = new Scale(0);
  const data = new Dataset(tensor([[1], [2]]), tensor([[2], [4]]));
  return { model, data, optimizer: new PlainSgd(model.parameters(), 0.1) };
}

export const LINE_LOSSES = [10, 2.5, 0.625, 0.15625, 0.0390625];
export const LINE_WEIGHTS = [0, 1, 1.5, 1.75, 1.875];

type Work = (this: SchedulerAction<unknown>, state?: unknown) => void;

/**
 * An action of a `delegating` scheduler: it runs through `s`, and re-schedules through it too
 * when its work calls `this.schedule()`, as RxJS's own actions do.
 */
class DelegatedAction extends Subscription {
  private waiting: { inner?: Subscription } | null = null;

  constructor(
    private readonly s: SchedulerLike,
    private readonly work: Work,
    private readonly delayOf: (delay: number) => number,
    private readonly live: Set<DelegatedAction>,
  ) {
    super(() => this.cancel());
  }

  schedule(state?: unknown, delay = 0): Subscription {
    if (this.closed) return this;
    this.cancel();
    const waiting: { inner?: Subscription } = {};
    this.waiting = waiting;
    this.live.add(this);
    const inner = this.s.schedule(
      (st?: unknown) => {
        if (this.waiting !== waiting) return;
        this.waiting = null;
        this.live.delete(this);
        this.work.call(this as unknown as SchedulerAction<unknown>, st);
      },
      this.delayOf(delay),
      state,
    );
    waiting.inner = inner;
    return this;
  }

  private cancel(): void {
    this.waiting?.inner?.unsubscribe();
    this.waiting = null;
    this.live.delete(this);
  }
}

/** A scheduler running on `s` with the delays mapped by `delayOf`; `pending()` counts the actions waiting to run. */
function delegating(
  s: SchedulerLike,
  delayOf: (delay: number) => number,
  now = () => s.now(),
): { scheduler: SchedulerLike; pending: () => number } {
  const live = new Set<DelegatedAction>();
  const schedule = (work: Work, delay = 0, state?: unknown) =>
    new DelegatedAction(s, work, delayOf, live).schedule(state, delay);
  return { scheduler: { now, schedule } as SchedulerLike, pending: () => live.size };
}

/** A scheduler that runs every action `frames` later than asked: spreads slices over frames in marble tests. */
export function ticking(s: SchedulerLike, frames = 1): SchedulerLike {
  return delegating(s, (delay) => delay + frames).scheduler;
}

/** Wraps a scheduler and tracks the actions it has scheduled that have neither run nor been cancelled. */
export function tracking(s: SchedulerLike): { scheduler: SchedulerLike; pending: () => number } {
  return delegating(s, (delay) => delay);
}

/**
 * A virtual clock for `fit` that also moves while a slice works: every `now()` call advances
 * it by `drift` frames, and each action runs `frames` after it was asked for.
 */
export function drifting(s: SchedulerLike, frames: number, drift: number): SchedulerLike {
  let calls = 0;
  return delegating(
    s,
    (delay) => delay + frames,
    () => s.now() + drift * ++calls,
  ).scheduler;
}

/** An epoch event with defaults, for operator marble tests. */
export function epochEvent(epoch: number, fields: Partial<EpochEvent> = {}): EpochEvent {
  return {
    type: 'epoch',
    epoch,
    step: epoch * 10,
    loss: 1,
    metrics: {},
    lr: 0.1,
    elapsedMs: 0,
    ...fields,
  };
}

/** Events without their one wall-clock field, for comparing two runs in real time. */
export function timeless(events: readonly TrainEvent[]): unknown[] {
  return events.map((e) => {
    if (e.type !== 'epoch') return e;
    const { elapsedMs: _, ...rest } = e;
    return rest;
  });
}

/** The error a stream reports on subscription (synchronously), or undefined. */
export function errorOf(stream$: Observable<unknown>): Error | undefined {
  let caught: Error | undefined;
  stream$.subscribe({ error: (e) => (caught = e) }).unsubscribe();
  return caught;
}
