import { describe, expect, it } from 'vitest';
import { formatEvent, formatNumber } from '../../lib/index.js';
import { epochEvent } from './helpers.js';

describe('formatEvent', () => {
  it('writes numbers with at most 5 significant digits', () => {
    expect(formatNumber(0.123456789)).toBe('0.12346');
    expect(formatNumber(1234.5678)).toBe('1234.6');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(1.23456e-7)).toBe('1.2346e-7');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });

  it('describes an epoch with its losses and metrics', () => {
    const e = epochEvent(3, {
      loss: 0.25,
      valLoss: 0.5,
      metrics: { accuracy: 0.9 },
      valMetrics: { accuracy: 0.875 },
      elapsedMs: 12.4,
      run: 2,
    });
    expect(formatEvent(e, 10)).toBe(
      'run 2  epoch 3/10  loss 0.25  valLoss 0.5  accuracy 0.9  val accuracy 0.875  lr 0.1  12 ms',
    );
  });

  it('describes a summary, and returns an empty line for events it does not describe', () => {
    expect(
      formatEvent({
        type: 'summary',
        metric: 'accuracy',
        runs: 3,
        seeds: [0, 1, 2],
        values: [1, 2, 3],
        mean: 2,
        std: 0.8165,
        min: 1,
        max: 3,
      }),
    ).toBe('accuracy over 3 runs: mean 2 ± 0.8165 (min 1, max 3)');
    expect(formatEvent({ type: 'control', command: 'pause', epoch: 1, step: 1, lr: 0.1 })).toBe('');
  });
});
