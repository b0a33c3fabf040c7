import type { RestartsEvent } from './events.js';

/** A number in at most 5 significant digits: 0.12346, 1234.6, 1.2346e-7. */
export function formatNumber(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(5))) : String(v);
}

/**
 * One readable line for an event, as `logEvery` prints it, or '' for events it does not
 * describe. `epochs` adds the total (`epoch 3/10`).
 *
 * @example
 * formatEvent({ type: 'epoch', epoch: 3, step: 30, loss: 0.25, metrics: { accuracy: 0.9 }, lr: 0.1, elapsedMs: 12 }, 10)
 * // 'epoch 3/10  loss 0.25  accuracy 0.9  lr 0.1  12 ms'
 */
export function formatEvent(e: RestartsEvent, epochs?: number): string {
  const run = 'run' in e && e.run !== undefined ? `run ${e.run}  ` : '';
  const of = epochs ? `/${epochs}` : '';
  switch (e.type) {
    case 'step':
      return `${run}epoch ${e.epoch}${of}  step ${e.step}  loss ${formatNumber(e.loss)}${e.smoothLoss === undefined ? '' : `  smoothLoss ${formatNumber(e.smoothLoss)}`}`;
    case 'epoch': {
      const parts = [`${run}epoch ${e.epoch}${of}`, `loss ${formatNumber(e.loss)}`];
      if (e.valLoss !== undefined) parts.push(`valLoss ${formatNumber(e.valLoss)}`);
      for (const [k, v] of Object.entries(e.metrics)) parts.push(`${k} ${formatNumber(v)}`);
      for (const [k, v] of Object.entries(e.valMetrics ?? {})) {
        parts.push(`val ${k} ${formatNumber(v)}`);
      }
      parts.push(`lr ${formatNumber(e.lr)}`, `${Math.round(e.elapsedMs)} ms`);
      return parts.join('  ');
    }
    case 'earlyStop':
      return `${run}early stop at epoch ${e.epoch}: best ${e.monitor} ${formatNumber(e.best)} at epoch ${e.bestEpoch}${e.restored ? ' (weights restored)' : ''}`;
    case 'learningRate':
      return `${run}epoch ${e.epoch}: learning rate ${formatNumber(e.previous)} → ${formatNumber(e.lr)}`;
    case 'summary':
      return `${e.metric} over ${e.runs} runs: mean ${formatNumber(e.mean)} ± ${formatNumber(e.std)} (min ${formatNumber(e.min)}, max ${formatNumber(e.max)})`;
    default:
      return '';
  }
}
