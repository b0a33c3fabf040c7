import { ArgumentError } from '../core/index.js';

/**
 * A command for a running `fit`, sent through its `control$` option. Commands take effect at
 * the next step boundary and are acknowledged by a `control` event.
 * - `pause`: no step runs until `resume`; the model is consistent and can be used meanwhile
 *   (predictions, `evaluate`), nothing stays scheduled.
 * - `resume`: continues a paused run.
 * - `stop`: ends the run; the stream completes.
 * - `setLearningRate`: the optimiser's learning rate becomes `lr` from the next step on.
 *
 * @example
 * const control$ = new Subject<ControlCommand>();
 * fit(model, data, { ...options, control$ }).subscribe(show);
 * control$.next({ type: 'pause' });
 * control$.next({ type: 'setLearningRate', lr: 0.01 });
 * control$.next({ type: 'resume' });
 */
export type ControlCommand =
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'stop' }
  | { readonly type: 'setLearningRate'; readonly lr: number };

const TYPES = new Set(['pause', 'resume', 'stop', 'setLearningRate']);

/** Checks a command received on `control$`; an `ArgumentError` naming `where` otherwise. */
export function checkCommand(command: unknown, where: string): ControlCommand {
  const c = command as { type?: unknown; lr?: unknown } | null;
  if (c === null || typeof c !== 'object' || typeof c.type !== 'string' || !TYPES.has(c.type)) {
    throw new ArgumentError(
      `${where}: control$ sent ${JSON.stringify(command)}; expected { type: 'pause' | 'resume' | 'stop' } or { type: 'setLearningRate', lr }`,
    );
  }
  if (
    c.type === 'setLearningRate' &&
    (typeof c.lr !== 'number' || !(c.lr >= 0) || !Number.isFinite(c.lr))
  ) {
    throw new ArgumentError(
      `${where}: setLearningRate needs lr, a non-negative finite number, got ${JSON.stringify(c.lr)}`,
    );
  }
  return c as ControlCommand;
}
