import { describe, expect, it } from 'vitest';
import { FormatError, mul, sum, tensor } from '../../lib/index.js';
import { drawGraph, renderDot } from '../../lib/plot/index.js';
import { parseSvg, svgTexts } from './svg.js';

describe('drawGraph', () => {
  it('lays the graph out as SVG with the ops, labels and gradients as text', async () => {
    const w = tensor([1, -1, 5]).requireGrad();
    w.label = 'w';
    const y = sum(mul(tensor([2, 3, 4]), w));
    y.backward();
    const svg = await drawGraph(y, { title: 'neuron' });
    expect(parseSvg(svg).width).toBeGreaterThan(0);
    const texts = svgTexts(svg);
    for (const t of ['neuron', 'mul', 'sum', 'w', 'grad [2, 3, 4]', 'data 19'])
      expect(texts).toContain(t);
  });
});

describe('renderDot', () => {
  it('renders any DOT text, and reports a syntax error as a FormatError', async () => {
    const svg = await renderDot('digraph { a -> b }');
    parseSvg(svg);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['a', 'b']));
    await expect(renderDot('digraph { a -> ')).rejects.toThrow(FormatError);
    await expect(renderDot('digraph { a -> ')).rejects.toThrow(
      /^renderDot: Graphviz could not lay out/,
    );
  });
});
