import { renderSpec } from './renderSpec.js';
import { topLevel, type XYPlotOptions, xySpec } from './xySpec.js';

/** Options of `linePlot`: series are drawn as lines unless a series says otherwise. */
export type LinePlotOptions = XYPlotOptions;

/**
 * A line chart of one or more named series, as an SVG string (Vega-Lite, headless).
 * Log axes, dashed series, point series, text annotations and arrows are options.
 *
 * @example
 * const svg = await linePlot({
 *   title: 'Loss', xLabel: 'epoch', yLabel: 'loss', logY: true,
 *   series: [{ name: 'train', x: [0, 1, 2], y: [1, 0.5, 0.2] }],
 * });
 */
export function linePlot(options: LinePlotOptions): Promise<string> {
  return renderSpec(topLevel(xySpec(options, 'line', 'linePlot')));
}

/**
 * Several line charts side by side in one SVG, e.g. loss and accuracy per epoch.
 *
 * @example
 * await linePanels([lossOptions, accuracyOptions], { title: 'Training' });
 */
export function linePanels(
  panels: readonly LinePlotOptions[],
  options: { title?: string; columns?: number } = {},
): Promise<string> {
  const specs = panels.map((p) => xySpec(p, 'line', 'linePanels'));
  return renderSpec(
    topLevel({
      ...(options.title ? { title: options.title } : {}),
      columns: options.columns ?? panels.length,
      concat: specs,
      resolve: { scale: { color: 'independent', x: 'independent', y: 'independent' } },
    }),
  );
}
