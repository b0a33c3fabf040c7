import type { Cell } from './Table.js';

/** The order of categories: numbers ascending, then strings in code-unit order. */
export function compareCells(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A category as it appears in messages and feature names: `3`, `red`. */
export function formatCell(c: Cell): string {
  return typeof c === 'number' ? String(c) : JSON.stringify(c);
}
