import { ArgumentError, ShapeError } from './errors.js';
import { excerpt } from './excerpt.js';

/** A tensor's shape: the size of each axis, outermost first (`[]` for a scalar). */
export type Shape = readonly number[];

/** `[2,3]` as it appears in error messages. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

/** Number of elements of a shape (1 for a scalar). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Row-major strides of a shape, in elements. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** Checks that every dimension is a non-negative integer. */
export function checkShape(shape: unknown, where: string): number[] {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new ShapeError(
      `${where}: shape must be a list of non-negative integers, got ${excerpt(shape)}`,
    );
  }
  return [...shape];
}

/** numpy's broadcasting of two shapes: align on the right, a dimension of 1 stretches. */
export function broadcastShapes(a: Shape, b: Shape, op: string): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(
        `${op}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast together (dimension ${i}: ${da} vs ${db})`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Resolves a possibly negative axis against `rank`. */
export function normalizeAxis(axis: number, rank: number, op: string): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= Math.max(rank, 1)) {
    throw new ArgumentError(
      `${op}: axis must be an integer in [${-rank}, ${Math.max(rank, 1) - 1}] for a tensor of rank ${rank}, got ${excerpt(axis)}`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}

/** Resolves `axis` (undefined for all, a number or a list) into sorted unique axes. */
export function normalizeAxes(
  axis: number | readonly number[] | undefined,
  rank: number,
  op: string,
): number[] {
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  if (typeof axis !== 'number' && !Array.isArray(axis)) {
    throw new ArgumentError(
      `${op}: axis must be an integer, a list of integers, or undefined for all axes, got ${excerpt(axis)}`,
    );
  }
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const axes = list.map((a) => normalizeAxis(a, rank, op));
  if (new Set(axes).size !== axes.length) {
    throw new ArgumentError(`${op}: axes must be distinct, got ${excerpt(list)}`);
  }
  return axes.sort((x, y) => x - y);
}
