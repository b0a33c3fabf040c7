/**
 * rxgrad/plot: figures as SVG strings (Vega-Lite for charts, Graphviz for computation graphs),
 * rendered headless, in Node or a browser. Writing files is the caller's business.
 *
 * @module rxgrad/plot
 */

import '../install.js';

export { drawGraph, renderDot } from './drawGraph.js';
export { type HeatmapOptions, heatmap } from './heatmap.js';
export { type ImageGridOptions, imageGrid } from './imageGrid.js';
export { type LinePlotOptions, linePanels, linePlot } from './linePlot.js';
export { type PlotSpec, renderSpec } from './renderSpec.js';
export { type ScatterPlotOptions, scatterPlot } from './scatterPlot.js';
export { type GraphOptions, toDot } from './toDot.js';
export type { Annotation, Arrow, Series, XYPlotOptions } from './xySpec.js';
