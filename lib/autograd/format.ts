import type { Tensor } from './Tensor.js';

const EDGE = 3;
const THRESHOLD = 1000;

function formatNumber(v: number, fixed: boolean, digits: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return fixed ? v.toFixed(digits) : v.toExponential(digits);
}

/** numpy/torch-style text of a tensor's values, eliding the middle of large dimensions. */
export function formatValues(t: Tensor): string {
  const { data, shape } = t;
  const elide = data.length > THRESHOLD;
  let maxAbs = 0;
  let minAbs = Number.POSITIVE_INFINITY;
  let allInt = true;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]);
    if (!Number.isFinite(a)) continue;
    if (a > maxAbs) maxAbs = a;
    if (a > 0 && a < minAbs) minAbs = a;
    if (!Number.isInteger(data[i])) allInt = false;
  }
  const fixed = maxAbs < 1e8 && (minAbs >= 1e-4 || minAbs === Number.POSITIVE_INFINITY);
  const digits = allInt && fixed ? 0 : 4;
  const cells: string[] = [];
  for (let i = 0; i < data.length; i++)
    cells.push(formatNumber(data[i], fixed, digits) + (allInt && fixed ? '.' : ''));
  const width = cells.reduce((w, c) => Math.max(w, c.length), 0);
  const strides: number[] = [];
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  const indent = ' '.repeat('tensor('.length);
  const render = (dim: number, offset: number): string => {
    if (dim === shape.length) return cells[offset].padStart(width);
    const n = shape[dim];
    const parts: string[] = [];
    const pick =
      elide && n > 2 * EDGE ? [...range(0, EDGE), -1, ...range(n - EDGE, n)] : range(0, n);
    for (const i of pick) parts.push(i < 0 ? '...' : render(dim + 1, offset + i * strides[dim]));
    if (dim === shape.length - 1) return `[${parts.join(', ')}]`;
    const sep = `,${'\n'.repeat(shape.length - dim - 1)}${indent}${' '.repeat(dim + 1)}`;
    return `[${parts.join(sep)}]`;
  };
  return render(0, 0);
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}
