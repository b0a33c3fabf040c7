import { describe, expect, it } from 'vitest';
import { ArgumentError, f1, precision, recall } from '../../lib/index.js';

// pred [1,1,1,0,0] vs target [1,0,0,1,0]: TP 1, FP 2, FN 1 for class 1.
const pred = [1, 1, 1, 0, 0];
const target = [1, 0, 0, 1, 0];

describe('precision, recall, f1 (binary)', () => {
  it('score the positive class 1 by default (hand-computed)', () => {
    expect(precision(pred, target)).toBeCloseTo(1 / 3, 15);
    expect(recall(pred, target)).toBe(1 / 2);
    expect(f1(pred, target)).toBeCloseTo(0.4, 15); // 2PR/(P+R) = 2·(1/6)/(5/6)
  });

  it('score class 0 with positive: 0', () => {
    // class 0: TP 1 (index 4), FP 1 (index 3), FN 2 (indices 1, 2)
    expect(precision(pred, target, { positive: 0 })).toBe(1 / 2);
    expect(recall(pred, target, { positive: 0 })).toBeCloseTo(1 / 3, 15);
    expect(f1(pred, target, { positive: 0 })).toBeCloseTo(0.4, 15);
  });

  it('threshold probabilities into labels', () => {
    // [0.9, 0.2, 0.7] ≥ 0.5 → [1, 0, 1] against [1, 1, 0]: TP 1, FP 1, FN 1
    expect(precision([0.9, 0.2, 0.7], [1, 1, 0], { threshold: 0.5 })).toBe(1 / 2);
    expect(recall([[0.9], [0.2], [0.7]], [1, 1, 0], { threshold: 0.5 })).toBe(1 / 2);
  });

  it('score 0 instead of NaN when nothing is predicted or present', () => {
    expect(precision([0, 0], [1, 0])).toBe(0);
    expect(recall([1, 0], [0, 0])).toBe(0);
    expect(f1([0, 0], [0, 0])).toBe(0);
  });
});

describe('precision, recall, f1 (macro)', () => {
  // class 0: TP 1, FP 2, FN 0 → P 1/3, R 1, F1 1/2; class 1: TP 1, FP 0, FN 2 → P 1, R 1/3, F1 1/2
  const p = [0, 0, 0, 1];
  const t = [0, 1, 1, 1];

  it('average the per-class scores without weights', () => {
    expect(precision(p, t, { average: 'macro' })).toBeCloseTo(2 / 3, 15);
    expect(recall(p, t, { average: 'macro' })).toBeCloseTo(2 / 3, 15);
    // the mean of per-class F1 (scikit-learn), not the F1 of the mean P and R (2/3)
    expect(f1(p, t, { average: 'macro' })).toBe(1 / 2);
  });

  it('include absent classes when numClasses is given', () => {
    expect(precision(p, t, { average: 'macro', numClasses: 3 })).toBeCloseTo(4 / 9, 15);
  });

  it('take the argmax of score rows', () => {
    const scores = [
      [0.9, 0.1],
      [0.8, 0.2],
      [0.6, 0.4],
      [0.3, 0.7],
    ];
    expect(f1(scores, t, { average: 'macro' })).toBe(1 / 2);
  });

  it('reject bad options and labels that do not fit them', () => {
    expect(() => precision([0, 2], [0, 1])).toThrow(
      "precision: binary average needs labels 0 and 1, found 2; pass average: 'macro'",
    );
    expect(() => recall(p, t, { average: 'micro' as 'macro' })).toThrow(
      `recall: average must be 'binary' or 'macro', got "micro"`,
    );
    expect(() => f1(p, t, { positive: 2 })).toThrow(ArgumentError);
    expect(() => f1(p, t, { average: 'macro', numClasses: 1 })).toThrow(
      /class index 1 is out of range for numClasses 1/,
    );
    expect(() => f1([[0.1, 0.9]], [1], { threshold: 0.5 })).toThrow(
      /threshold needs probabilities/,
    );
    expect(() => f1([1, 0], [1])).toThrow(/same number of samples/);
  });

  it('cap numClasses as confusionMatrix does', () => {
    expect(() => f1([0], [0], { average: 'macro', numClasses: 1e9 })).toThrow(
      'f1: numClasses must be an integer in [1, 4096], got 1000000000',
    );
  });
});
