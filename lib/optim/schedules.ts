import { ArgumentError, checkOptions, excerpt } from '../core/index.js';
import type { Schedule } from './Optimizer.js';
import { checkRange } from './options.js';

function checkSteps(where: string, arg: string, n: unknown): number {
  if (!Number.isInteger(n) || (n as number) <= 0) {
    throw new ArgumentError(`${where}: ${arg} must be a positive integer, got ${excerpt(n)}`);
  }
  return n as number;
}

function asSchedule(where: string, s: Schedule | number): Schedule {
  if (typeof s === 'function') return s;
  const lr = checkRange(where, 'lr', s, 0);
  return () => lr;
}

/**
 * The same learning rate at every step.
 *
 * @example constantSchedule(0.1)(1000)  // 0.1
 */
export function constantSchedule(lr: number): Schedule {
  return asSchedule('constantSchedule', lr);
}

/**
 * Multiplies the rate by `gamma` every `stepSize` steps: lr·γ^⌊step / stepSize⌋ (PyTorch's StepLR).
 *
 * @example stepDecay(0.1, { stepSize: 30, gamma: 0.1 })(65)  // 0.001
 */
export function stepDecay(lr: number, options: { stepSize: number; gamma?: number }): Schedule {
  const base = checkRange('stepDecay', 'lr', lr, 0);
  checkOptions(options, ['stepSize', 'gamma'], 'stepDecay');
  const stepSize = checkSteps('stepDecay', 'stepSize', options?.stepSize);
  const gamma = checkRange('stepDecay', 'gamma', options.gamma ?? 0.1, 0);
  return (step) => base * gamma ** Math.floor(step / stepSize);
}

/**
 * Smooth exponential decay: lr·γ^(step / decaySteps) (Keras's ExponentialDecay; with
 * decaySteps = 1, PyTorch's ExponentialLR).
 *
 * @example exponentialDecay(0.1, { gamma: 0.5, decaySteps: 10 })(20)  // 0.025
 */
export function exponentialDecay(
  lr: number,
  options: { gamma: number; decaySteps?: number },
): Schedule {
  const base = checkRange('exponentialDecay', 'lr', lr, 0);
  checkOptions(options, ['gamma', 'decaySteps'], 'exponentialDecay');
  const gamma = checkRange('exponentialDecay', 'gamma', options?.gamma, 0);
  const decaySteps = checkSteps('exponentialDecay', 'decaySteps', options.decaySteps ?? 1);
  return (step) => base * gamma ** (step / decaySteps);
}

/**
 * Half a cosine from `lr` down to `min` over `steps` steps, then `min`:
 * min + (lr − min)·(1 + cos(π·min(step, steps)/steps))/2 (Loshchilov & Hutter's SGDR without restarts).
 *
 * @example cosineDecay(0.1, { steps: 100 })(50)  // 0.05
 */
export function cosineDecay(lr: number, options: { steps: number; min?: number }): Schedule {
  const base = checkRange('cosineDecay', 'lr', lr, 0);
  checkOptions(options, ['steps', 'min'], 'cosineDecay');
  const steps = checkSteps('cosineDecay', 'steps', options?.steps);
  const min = checkRange('cosineDecay', 'min', options.min ?? 0, 0);
  if (min > base) {
    throw new ArgumentError(`cosineDecay: min (${min}) must not exceed lr (${base})`);
  }
  return (step) =>
    min + ((base - min) * (1 + Math.cos((Math.PI * Math.min(step, steps)) / steps))) / 2;
}

/**
 * Linear warm-up: from `from` (default 0) at step 0 up to `after(0)` at step `steps`, then
 * `after(step − steps)`: the wrapped schedule starts when the warm-up ends (as optax's
 * warmup_cosine_decay_schedule). `after` may be a number.
 *
 * @example warmup(cosineDecay(0.1, { steps: 900 }), { steps: 100 })  // 0 → 0.1 over 100 steps, then cosine
 */
export function warmup(
  after: Schedule | number,
  options: { steps: number; from?: number },
): Schedule {
  const next = asSchedule('warmup', after);
  checkOptions(options, ['steps', 'from'], 'warmup');
  const steps = checkSteps('warmup', 'steps', options?.steps);
  const from = checkRange('warmup', 'from', options.from ?? 0, 0);
  return (step) => {
    if (step >= steps) return next(step - steps);
    return from + ((next(0) - from) * step) / steps;
  };
}

/**
 * Schedules one after another: `schedules[i]` runs from `boundaries[i − 1]` (0 for the first)
 * and sees the steps counted from its own start (optax's join_schedules).
 *
 * @example joinSchedules([constantSchedule(0.1), cosineDecay(0.1, { steps: 90 })], [10])
 */
export function joinSchedules(
  schedules: readonly Schedule[],
  boundaries: readonly number[],
): Schedule {
  if (
    !Array.isArray(schedules) ||
    schedules.length === 0 ||
    !schedules.every((s) => typeof s === 'function')
  ) {
    throw new ArgumentError('joinSchedules: schedules must be a non-empty array of functions');
  }
  if (
    !Array.isArray(boundaries) ||
    boundaries.length !== schedules.length - 1 ||
    !boundaries.every((b, i) => Number.isInteger(b) && b > 0 && (i === 0 || b > boundaries[i - 1]))
  ) {
    throw new ArgumentError(
      `joinSchedules: boundaries must be ${schedules.length - 1} increasing positive integers (one fewer than the schedules), got ${excerpt(boundaries)}`,
    );
  }
  return (step) => {
    let i = 0;
    while (i < boundaries.length && step >= boundaries[i]) i++;
    return schedules[i](i === 0 ? step : step - boundaries[i - 1]);
  };
}
