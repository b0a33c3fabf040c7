import { loadVega } from './peers.js';
import { textWidth } from './textWidth.js';

/**
 * A Vega-Lite specification as JSON (https://vega.github.io/vega-lite/docs/spec.html), as the
 * plot functions build it; add to it or change it before `renderSpec`.
 */
export type PlotSpec = { [key: string]: unknown };

/** House style shared by every plot: white background, readable sizes, room for labels. */
export const plotConfig = {
  background: 'white',
  padding: 12,
  config: {
    font: 'DejaVu Sans, Verdana, sans-serif',
    title: { fontSize: 15, anchor: 'start', offset: 10 },
    axis: {
      labelFontSize: 11,
      titleFontSize: 12,
      titlePadding: 8,
      gridColor: '#e6e6e6',
      labelSeparation: 6,
    },
    legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 400 },
    view: { stroke: '#cccccc' },
  },
} as const;

/**
 * Renders a Vega-Lite spec to an SVG string, headless (no DOM, no canvas): the same code runs
 * in Node and in a browser.
 *
 * @example
 * const svg = await renderSpec({ mark: 'point', data: { values: [{ a: 1, b: 2 }] },
 *   encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } } });
 */
export async function renderSpec(spec: PlotSpec): Promise<string> {
  const { vega, vegaLite } = await loadVega('renderSpec');
  useTextEstimate(vega);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

interface TextItem {
  text?: string | string[];
  fontSize?: number;
  fontWeight?: string | number;
}
type Metrics = {
  width: (item: TextItem, text?: string) => number;
  estimateWidth: (item: TextItem, text?: string) => number;
};

/**
 * Without a canvas (Node), lets Vega lay out text with per-character widths instead of its
 * coarse estimate; in a browser the canvas measures and nothing changes.
 */
function useTextEstimate(vega: object): void {
  // NOTE: `textMetrics` is Vega's documented hook (vl-convert replaces it too) but is missing
  // from its type declarations.
  const metrics = (vega as unknown as { textMetrics?: Metrics }).textMetrics;
  if (!metrics || metrics.width !== metrics.estimateWidth) return;
  metrics.width = (item, text) => {
    const value = text ?? item.text ?? '';
    const line = Array.isArray(value)
      ? value.reduce((a, b) => (b.length > a.length ? b : a), '')
      : String(value);
    const weight = item.fontWeight;
    const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
    return textWidth(line, item.fontSize ?? 11, bold);
  };
}
