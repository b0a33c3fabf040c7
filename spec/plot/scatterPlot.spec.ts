import { describe, expect, it } from 'vitest';
import { scatterPlot } from '../../lib/plot/index.js';
import { markItems, parseSvg, svgTexts } from './svg.js';

describe('scatterPlot', () => {
  it('draws one symbol per point at its data position', async () => {
    const svg = await scatterPlot({
      width: 100,
      height: 100,
      xDomain: [0, 10],
      yDomain: [0, 10],
      series: [{ name: 'test', x: [0, 5, 10], y: [0, 10, 0] }],
    });
    parseSvg(svg);
    const points = markItems(svg, 'mark-symbol role-mark');
    expect(points.map((p) => p.match(/translate\(([^)]*)\)/)![1])).toEqual([
      '0,100',
      '50,0',
      '100,100',
    ]);
  });

  it('adds the dashed line y = x over the range of the data, with its legend name', async () => {
    const svg = await scatterPlot({
      width: 100,
      height: 100,
      xDomain: [0, 10],
      yDomain: [0, 10],
      identityLine: 'perfect prediction',
      series: [{ name: 'test', x: [2, 4], y: [3, 8] }],
    });
    const line = markItems(svg, 'mark-line role-mark');
    expect(line).toHaveLength(1);
    // from (2, 2) to (8, 8): the smallest and largest of all x and y values
    expect(line[0]).toContain('d="M20,80L80,20"');
    expect(line[0]).toContain('stroke-dasharray');
    expect(svgTexts(svg)).toContain('perfect prediction');
  });
});
