import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../lib/index.js';
import { heatmap } from '../../lib/plot/index.js';
import { markItems, parseSvg, svgTexts } from './svg.js';

describe('heatmap', () => {
  it('draws one cell per entry, row 0 on top, with its value written in it', async () => {
    const svg = await heatmap({
      values: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      cellSize: 10,
      xLabels: ['a', 'b', 'c'],
      yLabels: ['r0', 'r1'],
      xLabel: 'predicted',
      yLabel: 'true',
      title: 'Confusion matrix',
    });
    parseSvg(svg);
    const cells = markItems(svg, 'mark-rect role-mark');
    expect(cells).toHaveLength(6);
    expect(cells.find((c) => c.includes('v: 6'))).toContain('d="M20,10h10v10h-10Z"');
    const values = markItems(svg, 'mark-text role-mark');
    expect(values).toHaveLength(6);
    const texts = svgTexts(svg);
    for (const t of ['Confusion matrix', 'predicted', 'true', 'a', 'r1', '1', '6'])
      expect(texts).toContain(t);
  });

  it('writes white text on the darker half of the colour range', async () => {
    const svg = await heatmap({ values: [[0, 10]], cellSize: 10 });
    const [low, high] = markItems(svg, 'mark-text role-mark');
    expect(low).toContain('fill="#222222"');
    expect(high).toContain('fill="white"');
  });

  it('rejects ragged matrices and label counts that do not fit', () => {
    expect(() => heatmap({ values: [[1, 2], [3]] })).toThrow(ArgumentError);
    expect(() => heatmap({ values: [[1, 2]], xLabels: ['a'] })).toThrow(
      'heatmap: expected 2 xLabels and 1 yLabels for a 1×2 matrix, got 1 and 1',
    );
  });
});
