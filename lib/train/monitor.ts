import { ArgumentError, excerpt } from '../core/index.js';
import type { EpochEvent } from './events.js';
import { HIGHER_IS_BETTER } from './resolveMetrics.js';

/**
 * What an operator watches in each epoch event: `'loss'`, `'valLoss'`, `'metrics.<name>'`,
 * `'valMetrics.<name>'`, or a function of the event.
 */
export type Monitor = string | ((event: EpochEvent) => number);

/** Whether smaller or larger values of the monitored quantity are better. */
export type MonitorMode = 'min' | 'max';

/** A monitor resolved against the events it reads. */
export interface ResolvedMonitor {
  /** The monitor as options named it, for messages: `'valMetrics.accuracy'`, or the default. */
  readonly label: string;
  /** The name reported in events (`'valLoss'`, `'metrics.accuracy'`, or the function's name). */
  name(event: EpochEvent): string;
  /** The monitored value of `event`; an `ArgumentError` if the event lacks it. */
  read(event: EpochEvent): number;
  /** The mode to use for `event`'s monitor (the explicit one, or chosen by name). */
  mode(event: EpochEvent): MonitorMode;
}

function pathOf(monitor: string | undefined, event: EpochEvent): string {
  return monitor ?? (event.valLoss !== undefined ? 'valLoss' : 'loss');
}

function available(e: EpochEvent): string {
  const keys = ['loss'];
  if (e.valLoss !== undefined) keys.push('valLoss');
  for (const k of Object.keys(e.metrics)) keys.push(`metrics.${k}`);
  for (const k of Object.keys(e.valMetrics ?? {})) keys.push(`valMetrics.${k}`);
  return keys.map((k) => `'${k}'`).join(', ');
}

/**
 * Resolves the `monitor`/`mode` options of an operator (`where`). Without `monitor`: `'valLoss'`
 * when the run has validation, else `'loss'`. Without `mode`: `'max'` for the metrics where
 * larger is better (accuracy, binaryAccuracy, precision, recall, f1, r2), else `'min'`.
 */
export function resolveMonitor(
  monitor: Monitor | undefined,
  mode: MonitorMode | undefined,
  where: string,
): ResolvedMonitor {
  if (monitor !== undefined && typeof monitor !== 'string' && typeof monitor !== 'function') {
    throw new ArgumentError(
      `${where}: monitor must be 'loss', 'valLoss', 'metrics.<name>', 'valMetrics.<name>' or a function of the epoch event, got ${excerpt(monitor)}`,
    );
  }
  if (typeof monitor === 'string' && !/^(loss|valLoss|metrics\..+|valMetrics\..+)$/.test(monitor)) {
    throw new ArgumentError(
      `${where}: monitor must be 'loss', 'valLoss', 'metrics.<name>' or 'valMetrics.<name>', got '${monitor}'`,
    );
  }
  if (mode !== undefined && mode !== 'min' && mode !== 'max') {
    throw new ArgumentError(`${where}: mode must be 'min' or 'max', got ${excerpt(mode)}`);
  }
  if (typeof monitor === 'function') {
    const name = monitor.name || 'custom';
    return {
      label: `'${name}'`,
      name: () => name,
      mode: () => mode ?? 'min',
      read: (e) => {
        const v = monitor(e);
        if (typeof v !== 'number') {
          throw new ArgumentError(
            `${where}: monitor '${name}' must return a number, got ${typeof v}`,
          );
        }
        return v;
      },
    };
  }
  return {
    label: monitor === undefined ? "'valLoss' (or 'loss' without validation)" : `'${monitor}'`,
    name: (e) => pathOf(monitor, e),
    mode: (e) => {
      if (mode) return mode;
      const path = pathOf(monitor, e);
      const metric = path.slice(path.indexOf('.') + 1);
      return path.includes('.') && HIGHER_IS_BETTER.has(metric) ? 'max' : 'min';
    },
    read: (e) => {
      const path = pathOf(monitor, e);
      const dot = path.indexOf('.');
      const v =
        dot < 0
          ? (e as unknown as Record<string, unknown>)[path]
          : (e as unknown as Record<string, Record<string, unknown> | undefined>)[
              path.slice(0, dot)
            ]?.[path.slice(dot + 1)];
      if (typeof v !== 'number') {
        const hint = path.startsWith('val') ? '; pass validation to fit' : '';
        throw new ArgumentError(
          `${where}: monitor '${path}' is not in the event of epoch ${e.epoch} (it has ${available(e)})${hint}`,
        );
      }
      return v;
    },
  };
}

/** Whether `value` improves on `best` by more than `minDelta` (NaN never does). */
export function improves(
  value: number,
  best: number,
  mode: MonitorMode,
  minDelta: number,
): boolean {
  return mode === 'min' ? value < best - minDelta : value > best + minDelta;
}

/** The starting "best" of a mode: any finite value improves on it. */
export function worst(mode: MonitorMode): number {
  return mode === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

/** Checks an option that must be a number ≥ 0 (or an integer ≥ 0 with `integer`). */
export function nonNegative(value: unknown, name: string, where: string, integer = false): number {
  if (
    typeof value !== 'number' ||
    !(value >= 0) ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value))
  ) {
    throw new ArgumentError(
      `${where}: ${name} must be ${integer ? 'an integer' : 'a number'} ≥ 0, got ${excerpt(value)}`,
    );
  }
  return value;
}
