import { ArgumentError } from '../core/index.js';
import { type PlotSpec, plotConfig } from './renderSpec.js';

/** One named series of (x, y) points. */
export interface Series {
  /** The legend's label for it (unique within a plot). */
  name: string;
  /** The x coordinates. */
  x: ArrayLike<number>;
  /** The y coordinates, as many as x. */
  y: ArrayLike<number>;
  /** How to draw it; the plot function gives the default (`linePlot`: line, `scatterPlot`: point). */
  mark?: 'line' | 'point' | 'linePoint';
  /** Draw the line dashed. Default false. */
  dashed?: boolean;
  /** A CSS colour; default: the next colour of the Tableau-10 palette. */
  color?: string;
}

/** A text placed at data coordinates. */
export interface Annotation {
  /** Where the text goes: its x in data coordinates. */
  x: number;
  /** Where the text goes: its y in data coordinates. */
  y: number;
  /** The text. */
  text: string;
  /** Horizontal alignment of the text at (x, y). Default `'left'`. */
  align?: 'left' | 'center' | 'right';
  /** Horizontal pixel offset from (x, y). Default 0. */
  dx?: number;
  /** Vertical pixel offset from (x, y), down. Default 0. */
  dy?: number;
  /** A CSS colour. Default dark grey. */
  color?: string;
}

/** An arrow between two points in data coordinates, head at `to`. */
export interface Arrow {
  /** The tail, [x, y] in data coordinates. */
  from: readonly [number, number];
  /** The head, [x, y] in data coordinates. */
  to: readonly [number, number];
  /** A CSS colour. Default dark grey. */
  color?: string;
}

/** Options shared by `linePlot` and `scatterPlot`. */
export interface XYPlotOptions {
  /** The series to draw, at least one. */
  series: readonly Series[];
  /** The title above the plot. */
  title?: string;
  /** A second, smaller title line. */
  subtitle?: string;
  /** The x axis's title. */
  xLabel?: string;
  /** The y axis's title. */
  yLabel?: string;
  /** A logarithmic x axis. Default false. */
  logX?: boolean;
  /** A logarithmic y axis (a loss over many orders of magnitude). Default false. */
  logY?: boolean;
  /** Fixed x range; default: fitted to the data (without forcing zero in). */
  xDomain?: readonly [number, number];
  /** Fixed y range; default: fitted to the data (without forcing zero in). */
  yDomain?: readonly [number, number];
  /** Texts placed at data coordinates. */
  annotations?: readonly Annotation[];
  /** Arrows between points in data coordinates. */
  arrows?: readonly Arrow[];
  /** Where the legend goes; default `'right'` with several series, `'none'` with one. */
  legend?: 'right' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'none';
  /** Title of the legend. Default none. */
  legendTitle?: string;
  /** Plot-area width in pixels. Default 480. */
  width?: number;
  /** Plot-area height in pixels. Default 300. */
  height?: number;
}

/** Tableau-10, Vega's default categorical palette. */
export const palette = [
  '#4c78a8',
  '#f58518',
  '#e45756',
  '#72b7b2',
  '#54a24b',
  '#eeca3b',
  '#b279a2',
  '#ff9da6',
  '#9d755d',
  '#bab0ac',
] as const;

function checkSeries(series: readonly Series[], where: string): void {
  if (!Array.isArray(series) || series.length === 0) {
    throw new ArgumentError(`${where}: series must be a non-empty array, got ${String(series)}`);
  }
  const names = new Set<string>();
  for (const s of series) {
    if (s.x.length !== s.y.length) {
      throw new ArgumentError(
        `${where}: series "${s.name}" has ${s.x.length} x values but ${s.y.length} y values`,
      );
    }
    if (names.has(s.name)) {
      throw new ArgumentError(`${where}: two series are named "${s.name}"; names must be unique`);
    }
    names.add(s.name);
  }
}

/** Log-axis labels: 1e+6 rather than 1,000,000; plain numbers in between. */
const LOG_AXIS = {
  labelExpr:
    "datum.label === '' ? '' : datum.value >= 1e4 || datum.value < 1e-3 ? format(datum.value, '.0e') : format(datum.value, '~g')",
} as const;

function scaleOf(log: boolean | undefined, domain: readonly [number, number] | undefined) {
  return {
    type: log ? 'log' : 'linear',
    ...(log ? {} : { zero: false }),
    ...(domain ? { domain: [...domain], nice: false } : {}),
  } as const;
}

/** The Vega-Lite layers of an x–y chart (one layer per series, then annotations and arrows). */
export function xySpec(options: XYPlotOptions, defaultMark: 'line' | 'point', where: string) {
  checkSeries(options.series, where);
  const { series } = options;
  const names = series.map((s) => s.name);
  const colors = series.map((s, i) => s.color ?? palette[i % palette.length]);
  const legend = options.legend ?? (series.length > 1 ? 'right' : 'none');
  const x = {
    field: 'x',
    type: 'quantitative',
    title: options.xLabel ?? 'x',
    scale: scaleOf(options.logX, options.xDomain),
    ...(options.logX ? { axis: LOG_AXIS } : {}),
  } as const;
  const y = {
    field: 'y',
    type: 'quantitative',
    title: options.yLabel ?? 'y',
    scale: scaleOf(options.logY, options.yDomain),
    ...(options.logY ? { axis: LOG_AXIS } : {}),
  } as const;
  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: names, range: colors },
    legend:
      legend === 'none'
        ? null
        : {
            orient: legend,
            title: options.legendTitle ?? null,
            // long names under the chart go one per line instead of widening the figure
            ...(legend === 'bottom' && names.join('').length > 50 ? { direction: 'vertical' } : {}),
            // Lines get line swatches; any point series keeps the default circles.
            ...(series.every((s) => (s.mark ?? defaultMark) === 'line')
              ? { symbolType: 'stroke' }
              : {}),
          },
  } as const;
  // points are clipped only to a range the caller fixed: at the edge of a fitted one they show whole
  const fixedDomain = options.xDomain !== undefined || options.yDomain !== undefined;
  const layers: object[] = [];
  series.forEach((s) => {
    const values = Array.from({ length: s.x.length }, (_, i) => ({
      series: s.name,
      i,
      x: s.x[i],
      y: s.y[i],
    })).filter((d) => Number.isFinite(d.x) && Number.isFinite(d.y));
    const mark = s.mark ?? defaultMark;
    const base = { data: { values }, encoding: { x, y, color, order: { field: 'i' } } };
    if (mark === 'line' || mark === 'linePoint') {
      layers.push({
        ...base,
        mark: {
          type: 'line',
          clip: true,
          strokeWidth: 2,
          ...(s.dashed ? { strokeDash: [6, 4] } : {}),
        },
      });
    }
    if (mark === 'point' || mark === 'linePoint') {
      layers.push({
        ...base,
        mark: { type: 'point', clip: fixedDomain, filled: true, size: 36, opacity: 0.8 },
      });
    }
  });
  for (const a of options.arrows ?? []) {
    const values = [{ x1: a.from[0], y1: a.from[1], x2: a.to[0], y2: a.to[1] }];
    const c = a.color ?? '#333333';
    layers.push({
      data: { values },
      mark: { type: 'rule', strokeWidth: 2, color: c },
      encoding: {
        x: { field: 'x1', type: 'quantitative' },
        y: { field: 'y1', type: 'quantitative' },
        x2: { field: 'x2' },
        y2: { field: 'y2' },
      },
    });
    // The head: a triangle at `to`, turned to point along the arrow in screen space.
    const angle =
      "atan2(scale('y', datum.y2) - scale('y', datum.y1), scale('x', datum.x2) - scale('x', datum.x1)) * 180 / PI + 90";
    layers.push({
      data: { values },
      mark: { type: 'point', shape: 'triangle-up', filled: true, size: 140, opacity: 1, color: c },
      encoding: {
        x: { field: 'x2', type: 'quantitative' },
        y: { field: 'y2', type: 'quantitative' },
        angle: { value: { expr: angle } },
      },
    });
  }
  for (const a of options.annotations ?? []) {
    layers.push({
      data: { values: [{ x: a.x, y: a.y, text: a.text }] },
      mark: {
        type: 'text',
        align: a.align ?? 'left',
        dx: a.dx ?? 0,
        dy: a.dy ?? 0,
        fontSize: 12,
        color: a.color ?? '#333333',
      },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        text: { field: 'text' },
      },
    });
  }
  return {
    ...(options.title
      ? {
          title: {
            text: options.title,
            ...(options.subtitle ? { subtitle: options.subtitle } : {}),
          },
        }
      : {}),
    width: options.width ?? 480,
    height: options.height ?? 300,
    layer: layers,
  };
}

/** Wraps chart bodies with the house style into a complete spec. */
export function topLevel(body: Record<string, unknown> & { config?: object }): PlotSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...plotConfig,
    ...body,
    config: { ...plotConfig.config, ...body.config },
  } as PlotSpec;
}
