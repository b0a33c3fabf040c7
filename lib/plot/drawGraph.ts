import type { Viz } from '@viz-js/viz';
import type { Tensor } from '../autograd/index.js';
import { FormatError } from '../core/index.js';
import { loadViz } from './peers.js';
import { type GraphOptions, toDot } from './toDot.js';

let viz: Promise<Viz> | null = null;

/**
 * Lays out a Graphviz DOT text and returns it as an SVG string, through Graphviz compiled to
 * WebAssembly (@viz-js/viz): no native Graphviz needed, in Node or a browser.
 *
 * @example
 * const svg = await renderDot('digraph { a -> b }');
 */
export async function renderDot(dot: string): Promise<string> {
  viz ??= loadViz('renderDot').then((m) => m.instance());
  // NOTE: a failed load is not kept: installing the package and calling again works.
  viz.catch(() => {
    viz = null;
  });
  const result = (await viz).render(dot, { format: 'svg' });
  if (result.status !== 'success') {
    const messages = result.errors.map((e) => e.message.trim()).join('; ');
    throw new FormatError(`renderDot: Graphviz could not lay out the graph: ${messages}`);
  }
  return result.output;
}

/**
 * The computation graph behind `tensor` as an SVG drawing (ops, shapes, labels, values and
 * gradients when present): `toDot` laid out by Graphviz.
 *
 * @example
 * loss.backward();
 * writeFileSync('graph.svg', await drawGraph(loss));
 */
export function drawGraph(tensor: Tensor, options: GraphOptions = {}): Promise<string> {
  return renderDot(toDot(tensor, options));
}
