import { describe, expect, it } from 'vitest';
import { digits } from '../../demos/digits.js';
import { expectFigures, runFast } from './runDemo.js';

describe('demo: digits', () => {
  it('reaches at least 95 % test accuracy and draws the images and the confusion matrix', async () => {
    const r = await runFast(digits);
    expect(r.numbers.epochs).toBe(10);
    expect(r.numbers.testAccuracy).toBeGreaterThanOrEqual(0.95);
    // 360 test images: the mistakes and the accuracy agree
    expect(r.numbers.mistakes).toBe(Math.round(360 * (1 - r.numbers.testAccuracy)));
    expectFigures(r, ['predictions', 'confusion', 'training']);
  });
});
