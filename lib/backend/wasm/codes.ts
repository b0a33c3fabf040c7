import type { BinaryOp, ReduceOp, UnaryOp } from '../Backend.js';
import { BINARY_KERNELS, UNARY_KERNELS } from '../elementwiseKernels.js';

/** The op codes of a kernel table's rows that have a WebAssembly kernel. */
function codesOf<K extends string>(
  table: Record<K, { wasm?: number }>,
): Partial<Record<K, number>> {
  const codes: Partial<Record<K, number>> = {};
  for (const [op, row] of Object.entries(table) as [K, { wasm?: number }][]) {
    if (row.wasm !== undefined) codes[op] = row.wasm;
  }
  return codes;
}

/**
 * Op codes of the WebAssembly kernels (scripts/wasm/assembly/unary.ts, binary.ts), from the
 * kernel tables (lib/backend/elementwiseKernels.ts). An op without one runs on the JS kernels.
 */
export const UNARY_CODES: Partial<Record<UnaryOp, number>> = codesOf(UNARY_KERNELS);

/** Unary ops whose kernels are mostly arithmetic (worth WebAssembly from a lower size). */
export const TRANSCENDENTAL: ReadonlySet<UnaryOp> = new Set(
  (Object.keys(UNARY_KERNELS) as UnaryOp[]).filter((op) => UNARY_KERNELS[op].transcendental),
);

export const BINARY_CODES: Partial<Record<BinaryOp, number>> = codesOf(BINARY_KERNELS);

export const REDUCE_CODES: Partial<Record<ReduceOp, number>> = { sum: 0, max: 1, min: 2 };

/** Operand layouts of the binary kernel over an R×C output. */
export const LAYOUT = { full: 0, row: 1, col: 2, scalar: 3 } as const;
