import { type Tensor, topoSort } from '../autograd/index.js';
import { formatShape } from '../core/index.js';

/** Index of the first NaN or ±Infinity in `t`, or −1. */
export function firstNonFiniteIndex(t: Tensor): number {
  const d = t.data;
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) return i;
  return -1;
}

/** Where a non-finite value first appeared in the graph of `root`. */
export interface NonFiniteOrigin {
  /** The op whose output first held NaN/±Infinity, or null if a leaf (parameter) already did. */
  readonly op: string | null;
  /** A readable description: `op 'exp' (output [4,1]: Infinity at flat index 2)`. */
  readonly description: string;
}

/**
 * Walks the recorded graph of `root` in topological order (inputs before the ops that use
 * them) and names the first tensor holding a non-finite value: the op that produced it, or the
 * leaf (named through `names`, e.g. a model parameter) that already held one. Every op's output
 * is kept by the graph until the step ends, so this needs no second forward pass.
 *
 * @example
 * const loss = mse(model.forward(x), y);   // NaN
 * findNonFinite(loss)?.description;        // "op 'log' (output [8,1]: NaN at flat index 3)"
 */
export function findNonFinite(
  root: Tensor,
  names: ReadonlyMap<Tensor, string> = new Map(),
): NonFiniteOrigin | null {
  for (const t of topoSort(root)) {
    const i = firstNonFiniteIndex(t);
    if (i < 0) continue;
    const where = `${formatShape(t.shape)}: ${t.data[i]} at flat index ${i}`;
    if (t.node) return { op: t.node.op, description: `op '${t.node.op}' (output ${where})` };
    const name = names.get(t) ?? t.label;
    return {
      op: null,
      description: `${name ? `parameter '${name}'` : 'an input tensor'} (${where})`,
    };
  }
  return null;
}
