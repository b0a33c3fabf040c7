import { renderSpec } from './renderSpec.js';
import { type Series, topLevel, type XYPlotOptions, xySpec } from './xySpec.js';

/** Options of `scatterPlot`. */
export interface ScatterPlotOptions extends XYPlotOptions {
  /** Draw the line y = x (dashed grey) with this legend name, e.g. `'perfect prediction'`. */
  identityLine?: string;
}

/**
 * A scatter plot of one or more named point series, as an SVG string; `identityLine` adds
 * y = x, the reference of a predicted-versus-actual plot.
 *
 * @example
 * const svg = await scatterPlot({
 *   xLabel: 'actual', yLabel: 'predicted', identityLine: 'y = x',
 *   series: [{ name: 'test', x: actual, y: predicted }],
 * });
 */
export function scatterPlot(options: ScatterPlotOptions): Promise<string> {
  let { series } = options;
  if (options.identityLine !== undefined) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const s of series) {
      for (const v of [...Array.from(s.x), ...Array.from(s.y)]) {
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    const diagonal: Series = {
      name: options.identityLine,
      x: [lo, hi],
      y: [lo, hi],
      mark: 'line',
      dashed: true,
      color: '#888888',
    };
    series = [...series, diagonal];
  }
  return renderSpec(topLevel(xySpec({ ...options, series }, 'point', 'scatterPlot')));
}
