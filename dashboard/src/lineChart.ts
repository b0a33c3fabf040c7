import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One line of a chart. */
export interface LineSpec {
  readonly label: string;
  readonly color: string;
  readonly width?: number;
  readonly dash?: number[];
}

/** Options of a `LineChart`. */
export interface LineChartOptions {
  readonly lines: readonly LineSpec[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Fixed y range (accuracy: [0, 1]); otherwise it follows the data. */
  readonly yRange?: [number, number];
  readonly log?: boolean;
  readonly percent?: boolean;
}

/**
 * A live line chart on uPlot (canvas): `setData` redraws it; it follows its container's size.
 * Lines may have gaps (null): per-step and per-epoch series share one x axis.
 */
export class LineChart {
  private plot: uPlot;
  private data: uPlot.AlignedData;
  private options: LineChartOptions;
  private readonly observer: ResizeObserver;

  constructor(
    private readonly el: HTMLElement,
    options: LineChartOptions,
  ) {
    this.options = options;
    this.data = [[], ...options.lines.map(() => [])];
    this.plot = this.create();
    this.observer = new ResizeObserver(() => this.plot.setSize(this.size()));
    this.observer.observe(el);
  }

  setData(x: readonly number[], ys: readonly (readonly (number | null)[])[]): void {
    this.data = [x as number[], ...(ys as (number | null)[][])];
    this.plot.setData(this.data);
  }

  setLog(log: boolean): void {
    if (log === Boolean(this.options.log)) return;
    this.options = { ...this.options, log };
    this.plot.destroy();
    this.plot = this.create();
  }

  private size(): { width: number; height: number } {
    // NOTE: the legend sits under the plot inside the same element: leave it room.
    return {
      width: Math.max(200, this.el.clientWidth),
      height: Math.max(140, this.el.clientHeight - 36),
    };
  }

  private create(): uPlot {
    const o = this.options;
    const axis = {
      stroke: '#6b7180',
      grid: { stroke: '#eef0f4', width: 1 },
      ticks: { stroke: '#e3e6ec' },
    };
    const fmt = (v: number | null): string =>
      v == null ? '–' : o.percent ? `${(v * 100).toFixed(1)} %` : v.toPrecision(4);
    return new uPlot(
      {
        ...this.size(),
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
        scales: {
          x: { time: false },
          y: o.log ? { distr: 3 } : o.yRange ? { range: o.yRange } : { auto: true },
        },
        axes: [
          { ...axis, label: o.xLabel, labelSize: 18, size: 36 },
          {
            ...axis,
            label: o.yLabel,
            labelSize: 18,
            size: o.percent ? 64 : 56,
            // On a log scale: one tick and grid line per power of ten, not the minor ticks.
            splits: o.log ? decades : undefined,
            // NOTE: on a log scale uPlot passes null for the ticks it leaves unlabelled.
            values: (_u, ticks, _axis, _space, step) => {
              const decimals =
                [0, 1, 2, 3].find((d) => {
                  const scaled = step * 100 * 10 ** d;
                  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
                }) ?? 3;
              return ticks.map((v) =>
                v == null ? '' : o.percent ? `${(v * 100).toFixed(decimals)}%` : formatTick(v),
              );
            },
          },
        ],
        series: [
          { label: o.xLabel, value: (_u, v) => (v == null ? '–' : v.toFixed(2)) },
          ...o.lines.map((l) => ({
            label: l.label,
            stroke: l.color,
            width: l.width ?? 2,
            dash: l.dash,
            spanGaps: true,
            points: { show: false },
            value: (_u: uPlot, v: number | null) => fmt(v),
          })),
        ],
      },
      this.data,
      this.el,
    );
  }
}

function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1000 || a < 0.01) return v.toExponential(0);
  return String(Number(v.toPrecision(3)));
}

/** The powers of ten within [min, max] (at least the two around the range). */
function decades(_u: uPlot, _axis: number, min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(Math.max(min, 1e-300)));
  const hi = Math.ceil(Math.log10(Math.max(max, 1e-300)));
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) {
    const v = 10 ** k;
    if (v >= min * 0.999 && v <= max * 1.001) out.push(v);
  }
  return out.length ? out : [10 ** lo];
}
