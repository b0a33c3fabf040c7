import { describe, expect, it } from 'vitest';
import { twoLayer } from '../../demos/twoLayer.js';
import { twoLayerNn } from '../../demos/twoLayerNn.js';
import { expectFigures, runFast } from './runDemo.js';

describe('demo: two-layer-nn', () => {
  it('computes the same loss as the raw-ops version, loop for loop, and falls by more than 1000×', async () => {
    const nn = await runFast(twoLayerNn);
    expect(nn.numbers.firstLoss / nn.numbers.lastLoss).toBeGreaterThan(1000);
    expectFigures(nn, ['loss']);
    // an independent implementation of the same maths: matmul/relu/sse by hand, updates by hand
    const raw = await runFast(twoLayer, { epochs: 30 });
    const a = raw.series!.losses;
    const b = nn.series!.losses.slice(0, 30);
    expect(b).toHaveLength(30);
    for (let t = 0; t < 30; t++) expect(Math.abs(a[t] - b[t])).toBeLessThanOrEqual(1e-9 * a[t]);
  });
});
