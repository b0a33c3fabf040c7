import { ArgumentError } from '../core/index.js';
import { renderSpec } from './renderSpec.js';
import { topLevel } from './xySpec.js';

/** Options of `heatmap`. */
export interface HeatmapOptions {
  /** The matrix, one array per row (row 0 at the top). */
  values: readonly (readonly number[])[];
  /** Labels of the columns (x axis); default their indices. */
  xLabels?: readonly string[];
  /** Labels of the rows (y axis); default their indices. */
  yLabels?: readonly string[];
  /** The title above the plot. */
  title?: string;
  /** A second, smaller title line. */
  subtitle?: string;
  /** The x axis's title (e.g. `'predicted'`). */
  xLabel?: string;
  /** The y axis's title (e.g. `'true'`). */
  yLabel?: string;
  /** Write each value in its cell. Default true up to 20 × 20 cells. */
  showValues?: boolean;
  /** Digits after the decimal point of the written values. Default 0. */
  digits?: number;
  /** A Vega colour scheme name. Default `'blues'`. */
  scheme?: string;
  /** How values map to colours; `'sqrt'` makes small counts (a confusion matrix's errors) visible. Default `'linear'`. */
  colorScale?: 'linear' | 'sqrt';
  /** Title of the colour legend; `null` hides the legend. Default none (legend without title). */
  legendTitle?: string | null;
  /** Side of a cell in pixels. Default 36. */
  cellSize?: number;
}

/**
 * A heat map of a matrix (e.g. a confusion matrix: rows true, columns predicted), as an SVG
 * string, with the values written in the cells.
 *
 * @example
 * const svg = await heatmap({ values: [[50, 2], [3, 45]], xLabels: ['0', '1'], yLabels: ['0', '1'],
 *   xLabel: 'predicted', yLabel: 'true', title: 'Confusion matrix' });
 */
export function heatmap(options: HeatmapOptions): Promise<string> {
  const { values } = options;
  const rows = values.length;
  const cols = rows > 0 ? values[0].length : 0;
  if (rows === 0 || cols === 0 || values.some((r) => r.length !== cols)) {
    throw new ArgumentError(
      `heatmap: values must be a non-empty rectangular matrix, got row lengths [${values.map((r) => r.length).join(', ')}]`,
    );
  }
  const xLabels = options.xLabels ?? Array.from({ length: cols }, (_, j) => String(j));
  const yLabels = options.yLabels ?? Array.from({ length: rows }, (_, i) => String(i));
  if (xLabels.length !== cols || yLabels.length !== rows) {
    throw new ArgumentError(
      `heatmap: expected ${cols} xLabels and ${rows} yLabels for a ${rows}×${cols} matrix, got ${xLabels.length} and ${yLabels.length}`,
    );
  }
  const data = values.flatMap((r, i) =>
    r.map((v, j) => ({
      row: yLabels[i],
      col: xLabels[j],
      v,
      text: v.toFixed(options.digits ?? 0),
    })),
  );
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (const d of data) {
    if (Number.isFinite(d.v)) {
      max = Math.max(max, d.v);
      min = Math.min(min, d.v);
    }
  }
  const cell = options.cellSize ?? 36;
  const showValues = options.showValues ?? (rows <= 20 && cols <= 20);
  const x = {
    field: 'col',
    type: 'ordinal',
    sort: xLabels,
    title: options.xLabel ?? null,
    axis: { labelAngle: 0 },
  };
  const y = { field: 'row', type: 'ordinal', sort: yLabels, title: options.yLabel ?? null };
  const legend = options.legendTitle === null ? null : { title: options.legendTitle ?? null };
  const layers: object[] = [
    {
      mark: { type: 'rect' },
      encoding: {
        x,
        y,
        color: {
          field: 'v',
          type: 'quantitative',
          scale: { scheme: options.scheme ?? 'blues', type: options.colorScale ?? 'linear' },
          legend,
        },
      },
    },
  ];
  if (showValues) {
    // NOTE: dark cells get white text; the threshold is the middle of the colour range.
    const mid =
      options.colorScale === 'sqrt'
        ? ((Math.sqrt(min) + Math.sqrt(max)) / 2) ** 2
        : (min + max) / 2;
    layers.push({
      mark: { type: 'text', fontSize: Math.max(9, Math.min(13, cell / 3)) },
      encoding: {
        x,
        y,
        text: { field: 'text' },
        color: { condition: { test: `datum.v > ${mid}`, value: 'white' }, value: '#222222' },
      },
    });
  }
  return renderSpec(
    topLevel({
      ...(options.title
        ? {
            title: {
              text: options.title,
              ...(options.subtitle ? { subtitle: options.subtitle } : {}),
            },
          }
        : {}),
      data: { values: data },
      width: cols * cell,
      height: rows * cell,
      layer: layers,
    }),
  );
}
