import { ArgumentError, excerpt } from '../core/index.js';
import type { CheckpointEvent, ControlEvent } from './events.js';
import type { StepEngine } from './StepEngine.js';
import type { Snapshot } from './snapshot.js';

/**
 * A command for a running `fit` or `trainOn`, sent through its `control$` option. Every
 * command takes effect at a step boundary: at once when the run is between steps, else right
 * after the event being delivered.
 * - `pause`: no step runs until `resume`; the model is consistent and can be used meanwhile
 *   (predictions, `evaluate`), and nothing stays scheduled. Acknowledged by a `control` event.
 * - `resume`: continues a paused run. Acknowledged by a `control` event.
 * - `stop`: ends the run; the stream completes after the `control` event that acknowledges it.
 * - `setLearningRate`: the optimiser's learning rate becomes `lr` from the next step on.
 *   Acknowledged by a `control` event.
 * - `checkpoint`: answered by a `checkpoint` event holding a snapshot of the run at this
 *   boundary (what `resumeFrom` continues from). The `checkpoint` operator sends it.
 * - `hold` / `release`: no step runs from a `hold` until its `release` (holds nest, and are
 *   independent of `pause`): for an operator that must finish something asynchronous first,
 *   as `checkpoint` does while its sink writes. Not acknowledged.
 *
 * @example
 * const control$ = new Subject<ControlCommand>();
 * fit(model, data, { ...options, control$ }).subscribe(show);
 * control$.next({ type: 'pause' });
 * control$.next({ type: 'setLearningRate', lr: 0.01 });
 * control$.next({ type: 'resume' });
 */
export type ControlCommand =
  | {
      /** Stop taking steps until `resume`. */
      readonly type: 'pause';
    }
  | {
      /** Continue a paused run. */
      readonly type: 'resume';
    }
  | {
      /** End the run; the stream completes after acknowledging. */
      readonly type: 'stop';
    }
  | {
      /** Set the optimiser's learning rate from the next step on. */
      readonly type: 'setLearningRate';
      /** The new learning rate: a finite number ≥ 0. */
      readonly lr: number;
    }
  | {
      /** Answer with a `checkpoint` event holding a snapshot of the run. */
      readonly type: 'checkpoint';
    }
  | {
      /** Take no step until the matching `release` (holds nest). */
      readonly type: 'hold';
    }
  | {
      /** End one `hold`. */
      readonly type: 'release';
    };

const TYPES = new Set([
  'pause',
  'resume',
  'stop',
  'setLearningRate',
  'checkpoint',
  'hold',
  'release',
]);

/** Checks a command received on `control$`; an `ArgumentError` naming `where` otherwise. */
export function checkCommand(command: unknown, where: string): ControlCommand {
  const c = command as { type?: unknown; lr?: unknown } | null;
  if (c === null || typeof c !== 'object' || typeof c.type !== 'string' || !TYPES.has(c.type)) {
    throw new ArgumentError(
      `${where}: control$ sent ${excerpt(command)}; expected { type: ${[...TYPES].map((t) => `'${t}'`).join(' | ')} } (setLearningRate with lr)`,
    );
  }
  if (
    c.type === 'setLearningRate' &&
    (typeof c.lr !== 'number' || !(c.lr >= 0) || !Number.isFinite(c.lr))
  ) {
    throw new ArgumentError(
      `${where}: setLearningRate needs lr, a non-negative finite number, got ${excerpt(c.lr)}`,
    );
  }
  return c as ControlCommand;
}

/** Whether a run may take its next step: not paused, and no `hold` without its `release`. */
export interface RunGate {
  readonly paused: boolean;
  readonly holds: number;
}

/** What a command acts on: the run's engine, its gate, where it stands, and how to snapshot it. */
export interface CommandTarget {
  readonly engine: StepEngine;
  readonly gate: RunGate;
  readonly epoch: number;
  readonly step: number;
  readonly snapshot: () => Snapshot;
}

/**
 * Applies `command` to a run at a step boundary: returns its gate afterwards, and the event
 * that answers the command (a `control` event; a `checkpoint` event for `checkpoint`; none for
 * `hold`, `release`, and a `pause` or `resume` that changes nothing).
 */
export function applyCommand(
  command: ControlCommand,
  run: CommandTarget,
): [RunGate, ControlEvent | CheckpointEvent | null] {
  const { gate, epoch, step, engine } = run;
  switch (command.type) {
    case 'checkpoint':
      return [gate, { type: 'checkpoint', epoch, step, snapshot: run.snapshot() }];
    case 'hold':
    case 'release':
      return [
        {
          paused: gate.paused,
          holds: Math.max(0, gate.holds + (command.type === 'hold' ? 1 : -1)),
        },
        null,
      ];
    case 'pause':
    case 'resume':
      if (gate.paused === (command.type === 'pause')) return [gate, null];
      return [{ paused: !gate.paused, holds: gate.holds }, ack(command.type)];
    case 'setLearningRate':
      engine.optimizer.lr = command.lr;
      return [gate, ack(command.type)];
    case 'stop':
      return [gate, ack(command.type)];
  }

  function ack(type: ControlEvent['command']): ControlEvent {
    return { type: 'control', command: type, epoch, step, lr: engine.optimizer.lr };
  }
}
