import { describe, expect, it } from 'vitest';
import { gradientDescent } from '../../demos/gradientDescent.js';
import { expectFigures, runFast } from './runDemo.js';

describe('demo: gradient-descent', () => {
  it('finds the slopes ±8 at x = ±4 and walks from −4 towards the minimum', async () => {
    const r = await runFast(gradientDescent);
    // d(x²)/dx = 2x
    expect(r.numbers.slopeAt4).toBe(8);
    expect(r.numbers.slopeAtMinus4).toBe(-8);
    // each step x ← x − 0.1·2x = 0.8x, 25 steps: −4·0.8²⁵
    expect(r.numbers.finalX).toBeCloseTo(-4 * 0.8 ** 25, 10);
    expectFigures(r, ['gradient-descent']);
  });
});
