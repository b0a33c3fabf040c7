import type { SchedulerLike } from 'rxjs';
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

/** A scheduler that runs every action `frames` later than asked: spreads slices over frames in marble tests. */
export function ticking(s: SchedulerLike, frames = 1): SchedulerLike {
  const schedule = (work: (this: unknown, state?: unknown) => void, delay = 0, state?: unknown) =>
    s.schedule(work as never, delay + frames, state);
  return { now: () => s.now(), schedule } as SchedulerLike;
}

/** Wraps a scheduler and tracks the actions it has scheduled that have neither run nor been cancelled. */
export function tracking(s: SchedulerLike): { scheduler: SchedulerLike; pending: () => number } {
  const live = new Set<object>();
  const schedule = (work: (this: unknown, state?: unknown) => void, delay = 0, state?: unknown) => {
    const token = {};
    live.add(token);
    const sub = s.schedule(
      function (this: unknown, st?: unknown) {
        live.delete(token);
        work.call(this, st);
      } as never,
      delay,
      state,
    );
    sub.add(() => live.delete(token));
    return sub;
  };
  return { scheduler: { now: () => s.now(), schedule } as SchedulerLike, pending: () => live.size };
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
