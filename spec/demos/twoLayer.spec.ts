import { describe, expect, it } from 'vitest';
import { twoLayer } from '../../demos/twoLayer.js';
import { expectFigures, runFast } from './runDemo.js';

describe('demo: two-layer (raw ops)', () => {
  it('reduces the loss by more than 1000× and prints it at the tutorial loops', async () => {
    const r = await runFast(twoLayer);
    expect(r.numbers.loops).toBe(100);
    expect(r.numbers.firstLoss / r.numbers.lastLoss).toBeGreaterThan(1000);
    const printed = r.output
      .filter((l) => /^ {2}loop +\d+ {2}loss /.test(l))
      .map((l) => Number(l.split(/\s+/)[2]));
    expect(printed).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 99]);
    expectFigures(r, ['loss']);
  });
});
