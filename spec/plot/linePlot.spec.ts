import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../lib/index.js';
import { linePanels, linePlot } from '../../lib/plot/index.js';
import { markItems, parseSvg, svgTexts } from './svg.js';

const square = { width: 100, height: 100, xDomain: [0, 10], yDomain: [0, 10] } as const;

describe('linePlot', () => {
  it('draws each series through its points in data coordinates (y up)', async () => {
    const svg = await linePlot({
      ...square,
      series: [{ name: 'a', x: [0, 5, 10], y: [0, 10, 0] }],
    });
    parseSvg(svg);
    const lines = markItems(svg, 'mark-line role-mark');
    expect(lines).toHaveLength(1);
    // x 0→0 px, 5→50, 10→100; y 0→100 px (bottom), 10→0 (top)
    expect(lines[0]).toContain('d="M0,100L50,0L100,100"');
  });

  it('writes the title, subtitle, axis titles and one legend entry per series', async () => {
    const svg = await linePlot({
      title: 'Loss',
      subtitle: 'per epoch',
      xLabel: 'epoch',
      yLabel: 'loss',
      series: [
        { name: 'train', x: [0, 1], y: [2, 1] },
        { name: 'test', x: [0, 1], y: [2, 1.5], dashed: true },
      ],
    });
    const texts = svgTexts(svg);
    for (const t of ['Loss', 'per epoch', 'epoch', 'loss', 'train', 'test'])
      expect(texts).toContain(t);
    expect(markItems(svg, 'mark-line role-mark')).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="6,4"');
  });

  it('labels a log axis in powers of ten', async () => {
    const svg = await linePlot({
      logY: true,
      series: [{ name: 'l', x: [0, 1, 2], y: [1e7, 1e3, 10] }],
    });
    const texts = svgTexts(svg);
    expect(texts).toContain('1e+7');
    expect(texts).toContain('1000');
    expect(texts).not.toContain('10,000,000');
  });

  it('leaves out non-finite points instead of failing', async () => {
    const svg = await linePlot({
      ...square,
      series: [{ name: 'a', x: [0, 5, 10], y: [0, Number.NaN, 10] }],
    });
    expect(markItems(svg, 'mark-line role-mark')[0]).toContain('d="M0,100L100,0"');
  });

  it('draws arrows (shaft and head) and annotations', async () => {
    const svg = await linePlot({
      ...square,
      series: [{ name: 'a', x: [0, 10], y: [0, 10] }],
      arrows: [{ from: [8, 5], to: [2, 5] }],
      annotations: [{ x: 5, y: 5, text: 'decrease weight' }],
    });
    expect(svgTexts(svg)).toContain('decrease weight');
    const shaft = markItems(svg, 'mark-rule role-mark');
    expect(shaft).toHaveLength(1);
    expect(shaft[0]).toMatch(/translate\(80,50\)/);
    // the head points left: triangle-up turned by atan2(0, −60) + 90° = 270°
    expect(markItems(svg, 'mark-symbol role-mark').join()).toMatch(/rotate\(270\)/);
  });

  it('rejects series whose x and y differ in length, and duplicate names', () => {
    expect(() => linePlot({ series: [{ name: 'a', x: [1, 2], y: [1] }] })).toThrow(
      new ArgumentError('linePlot: series "a" has 2 x values but 1 y values'),
    );
    expect(() =>
      linePlot({
        series: [
          { name: 'a', x: [1], y: [1] },
          { name: 'a', x: [1], y: [1] },
        ],
      }),
    ).toThrow(/two series are named "a"/);
    expect(() => linePlot({ series: [] })).toThrow(ArgumentError);
  });
});

describe('linePanels', () => {
  it('puts several charts side by side in one SVG', async () => {
    const one = await linePlot({ series: [{ name: 'a', x: [0, 1], y: [0, 1] }] });
    const svg = await linePanels(
      [
        { title: 'loss', series: [{ name: 'a', x: [0, 1], y: [0, 1] }] },
        { title: 'accuracy', series: [{ name: 'b', x: [0, 1], y: [1, 0] }] },
      ],
      { title: 'Training' },
    );
    const texts = svgTexts(svg);
    for (const t of ['Training', 'loss', 'accuracy']) expect(texts).toContain(t);
    expect(markItems(svg, 'mark-line role-mark')).toHaveLength(2);
    expect(parseSvg(svg).width).toBeGreaterThan(1.8 * parseSvg(one).width);
  });
});
