import type { Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt, formatShape } from '../core/index.js';

/** Options of `toDot` and `drawGraph`. */
export interface GraphOptions {
  /** Layout direction: left to right (default) or top to bottom. */
  rankdir?: 'LR' | 'TB';
  /** Show the values (and gradients) of tensors with at most this many elements. Default 4. */
  maxValues?: number;
  /** Significant digits of shown numbers. Default 4. */
  digits?: number;
  /** Refuse graphs larger than this many tensors (a drawing of thousands is unreadable). Default 500. */
  maxNodes?: number;
  /** Graph title shown above the drawing. */
  title?: string;
}

// NOTE: record labels treat { } | < > as syntax; escape them in user text (quotes are
// escaped once, for the DOT string, when the label is written).
function escapeRecord(text: string): string {
  return text.replace(/[\\{}|<>]/g, (c) => `\\${c}`);
}

function formatNumber(v: number, digits: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  return Number(v.toPrecision(digits)).toString();
}

function formatValues(t: Tensor, maxValues: number, digits: number): string | null {
  if (t.size > maxValues) return null;
  const values = Array.from(t.data, (v) => formatNumber(v, digits));
  return t.rank === 0 ? values[0] : `[${values.join(', ')}]`;
}

function norm(t: Tensor): number {
  let s = 0;
  for (let i = 0; i < t.size; i++) s += t.data[i] * t.data[i];
  return Math.sqrt(s);
}

/** Every tensor `root` depends on (all inputs, with or without grad), inputs first. Iterative. */
function collect(root: Tensor, maxNodes: number): Tensor[] {
  const order: Tensor[] = [];
  const seen = new Set<Tensor>([root]);
  const stack: [Tensor, number][] = [[root, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const inputs = top[0].node?.inputs ?? [];
    if (top[1] < inputs.length) {
      const next = inputs[top[1]++];
      if (!seen.has(next)) {
        seen.add(next);
        if (seen.size > maxNodes) {
          throw new ArgumentError(
            `toDot: the graph has more than maxNodes = ${maxNodes} tensors; pass a larger maxNodes or draw a smaller graph`,
          );
        }
        stack.push([next, 0]);
      }
    } else {
      stack.pop();
      order.push(top[0]);
    }
  }
  return order;
}

function tensorLabel(t: Tensor, o: Required<Omit<GraphOptions, 'title'>>): string {
  const fields: string[] = [];
  if (t.label) fields.push(escapeRecord(t.label));
  fields.push(escapeRecord(`${t.rank === 0 ? 'scalar' : formatShape(t.shape)} ${t.dtype}`));
  const data = formatValues(t, o.maxValues, o.digits);
  if (data !== null) fields.push(escapeRecord(`data ${data}`));
  if (t.grad) {
    const g = formatValues(t.grad, o.maxValues, o.digits);
    fields.push(
      escapeRecord(g !== null ? `grad ${g}` : `grad ‖g‖ = ${formatNumber(norm(t.grad), o.digits)}`),
    );
  }
  const record = `{ ${fields.join(' | ')} }`;
  return o.rankdir === 'LR' ? record : `{ ${record} }`;
}

/**
 * The computation graph behind `tensor` in Graphviz DOT: one box per tensor (label, shape,
 * dtype, values and gradients when small, ‖grad‖ otherwise) and one ellipse per op, edges
 * from inputs to op to output — micrograd's `draw_dot` for rxgrad. Parameters (leaves that
 * require grad) are blue, constants grey, the root green. Render it with `drawGraph`
 * (`rxgrad/plot`) or any Graphviz.
 *
 * @example
 * const w = tensor([1, -1, 5]).requireGrad(); w.label = 'w';
 * const y = relu(sum(mul(tensor([2, 3, 4]), w)));
 * y.backward();
 * toDot(y); // 'digraph rxgrad { rankdir=LR; ... "mul" ... "sum" ... "relu" ... }'
 */
export function toDot(tensor: Tensor, options: GraphOptions = {}): string {
  const o = {
    rankdir: options.rankdir ?? 'LR',
    maxValues: options.maxValues ?? 4,
    digits: options.digits ?? 4,
    maxNodes: options.maxNodes ?? 500,
  } as const;
  if (o.rankdir !== 'LR' && o.rankdir !== 'TB') {
    throw new ArgumentError(`toDot: rankdir must be 'LR' or 'TB', got ${excerpt(o.rankdir)}`);
  }
  const tensors = collect(tensor, o.maxNodes);
  const ids = new Map(tensors.map((t, i) => [t, `t${i}`]));
  const lines = [
    'digraph rxgrad {',
    `  rankdir=${o.rankdir};`,
    '  bgcolor="white";',
    '  fontname="DejaVu Sans";',
    '  node [fontname="DejaVu Sans", fontsize=11];',
    '  edge [color="#555555", arrowsize=0.7];',
  ];
  if (options.title) {
    lines.push(
      `  label="${options.title.replace(/["\\]/g, (c) => `\\${c}`)}"; labelloc=t; fontsize=14;`,
    );
  }
  for (const t of tensors) {
    const id = ids.get(t)!;
    const fill =
      t === tensor ? '#d9f2d9' : t.node ? '#ffffff' : t.requiresGrad ? '#dbe9f6' : '#eeeeee';
    const label = tensorLabel(t, o).replace(/"/g, '\\"');
    lines.push(`  ${id} [shape=record, style=filled, fillcolor="${fill}", label="${label}"];`);
    if (t.node) {
      lines.push(
        `  ${id}_op [shape=ellipse, style=filled, fillcolor="#fff2cc", label="${t.node.op.replace(/["\\]/g, '')}"];`,
      );
      lines.push(`  ${id}_op -> ${id};`);
      for (const input of t.node.inputs) lines.push(`  ${ids.get(input)} -> ${id}_op;`);
    }
  }
  lines.push('}');
  return lines.join('\n');
}
