import { describe, expect, it } from 'vitest';
import { breastCancer } from '../../demos/breastCancer.js';
import { expectFigures, runFast } from './runDemo.js';

describe('demo: breast-cancer', () => {
  it('beats 90 % test accuracy with the scaled MSE neuron, also over restarts, and compares BCE + Adam', async () => {
    const r = await runFast(breastCancer);
    expect(r.numbers.runs).toBe(3);
    expect(r.numbers.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.numbers.mseTestMean).toBeGreaterThanOrEqual(0.9);
    expect(r.numbers.bceAdamTestMean).toBeGreaterThanOrEqual(0.9);
    for (const key of ['mse', 'bceAdam', 'minmax']) {
      expect(r.numbers[`${key}TestStd`]).toBeGreaterThanOrEqual(0);
      expect(r.numbers[`${key}TestStd`]).toBeLessThan(0.1);
      expect(r.numbers[`${key}TotalMean`]).toBeGreaterThan(0.85);
      expect(r.numbers[`${key}TotalMean`]).toBeLessThanOrEqual(1);
    }
    // accuracy on 114 test tumours is a multiple of 1/114
    expect(
      Math.abs(r.numbers.testAccuracy * 114 - Math.round(r.numbers.testAccuracy * 114)),
    ).toBeLessThan(1e-9);
    expect(r.output.join('\n')).toContain('90.49 % ± 2.40 %');
    expectFigures(r, ['training', 'restarts']);
  });
});
