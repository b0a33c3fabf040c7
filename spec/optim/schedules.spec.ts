import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  constantSchedule,
  cosineDecay,
  exponentialDecay,
  joinSchedules,
  stepDecay,
  warmup,
} from '../../lib/index.js';

const at = (s: (t: number) => number, steps: number[]) => steps.map((t) => s(t));
const close = (a: number[], b: number[]) => {
  a.forEach((v, i) => {
    expect(v).toBeCloseTo(b[i], 14);
  });
};

describe('schedules: values at known steps', () => {
  it('constantSchedule', () => {
    expect(at(constantSchedule(0.1), [0, 1, 1000])).toEqual([0.1, 0.1, 0.1]);
  });

  it('stepDecay: ×γ every stepSize steps (PyTorch StepLR: 0.05 for epochs < 30, 0.005 below 60, …)', () => {
    close(
      at(stepDecay(0.05, { stepSize: 30, gamma: 0.1 }), [0, 29, 30, 59, 60, 90]),
      [0.05, 0.05, 0.005, 0.005, 0.0005, 0.00005],
    );
    close(at(stepDecay(1, { stepSize: 2 }), [0, 1, 2, 4]), [1, 1, 0.1, 0.01]); // default γ 0.1
  });

  it('exponentialDecay: lr·γ^(step/decaySteps)', () => {
    close(at(exponentialDecay(0.1, { gamma: 0.5 }), [0, 1, 2, 3]), [0.1, 0.05, 0.025, 0.0125]);
    close(at(exponentialDecay(0.1, { gamma: 0.5, decaySteps: 10 }), [0, 5, 10, 20]), [
      0.1,
      0.1 / Math.SQRT2,
      0.05,
      0.025,
    ]);
  });

  it('cosineDecay: lr at 0, the midpoint at half, min at the end and after', () => {
    close(at(cosineDecay(0.1, { steps: 100 }), [0, 50, 100, 150]), [0.1, 0.05, 0, 0]);
    // a quarter of the way: (1 + cos(π/4))/2 = 0.853553…
    close(at(cosineDecay(1, { steps: 4, min: 0.2 }), [1, 4]), [
      0.2 + (0.8 * (1 + Math.SQRT1_2)) / 2,
      0.2,
    ]);
  });

  it('warmup: linear from `from` to the wrapped schedule’s start, then the wrapped schedule shifted', () => {
    close(at(warmup(0.1, { steps: 4 }), [0, 1, 2, 3, 4, 100]), [0, 0.025, 0.05, 0.075, 0.1, 0.1]);
    const s = warmup(cosineDecay(0.1, { steps: 10 }), { steps: 5, from: 0.02 });
    close(at(s, [0, 5, 10, 15, 20]), [0.02, 0.1, 0.05, 0, 0]);
    close([s(1)], [0.02 + 0.08 / 5]);
  });

  it('joinSchedules: each segment counts its own steps', () => {
    const s = joinSchedules(
      [constantSchedule(1), exponentialDecay(0.5, { gamma: 0.5 }), constantSchedule(0.01)],
      [3, 5],
    );
    close(at(s, [0, 2, 3, 4, 5, 99]), [1, 1, 0.5, 0.25, 0.01, 0.01]);
  });
});

describe('schedules: errors', () => {
  const cases: [string, () => unknown, string | RegExp][] = [
    [
      'negative constant',
      () => constantSchedule(-1),
      'constantSchedule: lr must be a finite number ≥ 0, got -1',
    ],
    [
      'stepSize 0',
      () => stepDecay(0.1, { stepSize: 0 }),
      'stepDecay: stepSize must be a positive integer, got 0',
    ],
    [
      'negative gamma',
      () => stepDecay(0.1, { stepSize: 2, gamma: -1 }),
      'stepDecay: gamma must be a finite number ≥ 0, got -1',
    ],
    [
      'missing gamma',
      () => exponentialDecay(0.1, {} as never),
      'exponentialDecay: gamma must be a finite number ≥ 0, got undefined',
    ],
    [
      'cosine without steps',
      () => cosineDecay(0.1, {} as never),
      'cosineDecay: steps must be a positive integer, got undefined',
    ],
    [
      'cosine min above lr',
      () => cosineDecay(0.1, { steps: 5, min: 0.2 }),
      'cosineDecay: min (0.2) must not exceed lr (0.1)',
    ],
    [
      'warmup of 1.5 steps',
      () => warmup(0.1, { steps: 1.5 }),
      'warmup: steps must be a positive integer, got 1.5',
    ],
    [
      'joined with too few boundaries',
      () => joinSchedules([constantSchedule(1), constantSchedule(2)], []),
      /joinSchedules: boundaries must be 1 increasing positive integers/,
    ],
    [
      'joined with decreasing boundaries',
      () => joinSchedules([constantSchedule(1), constantSchedule(2), constantSchedule(3)], [5, 2]),
      /increasing/,
    ],
    [
      'joined nothing',
      () => joinSchedules([], []),
      'joinSchedules: schedules must be a non-empty array of functions',
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(make).toThrow(ArgumentError);
      expect(make).toThrow(message);
    });
  }
});
