import { describe, expect, it } from 'vitest';
import { housePrices } from '../../demos/housePrices.js';
import { expectFigures, runFast } from './runDemo.js';

describe('demo: house-prices', () => {
  it('the MLP beats the linear baseline on test RMSE and R²', async () => {
    const r = await runFast(housePrices);
    expect(r.numbers.mlpRmse).toBeLessThan(r.numbers.linearRmse);
    expect(r.numbers.mlpR2).toBeGreaterThan(r.numbers.linearR2);
    // a useful model at all: better than predicting the mean (R² > 0), prices in $1000s
    expect(r.numbers.linearR2).toBeGreaterThan(0.5);
    expect(r.numbers.mlpRmse).toBeLessThan(5);
    expect(r.output.join('\n')).toContain('RAD one-hot encoded into 9 columns');
    expectFigures(r, ['predictions', 'loss']);
  });
});
