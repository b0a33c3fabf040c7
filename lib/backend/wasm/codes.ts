import type { BinaryOp, ReduceOp, UnaryOp } from '../Backend.js';

/**
 * Op codes of the WebAssembly kernels (scripts/wasm/assembly/unary.ts, binary.ts, reduce.ts).
 * An op missing here runs on the JS kernels.
 */
export const UNARY_CODES: Partial<Record<UnaryOp, number>> = {
  neg: 0,
  abs: 1,
  square: 2,
  sqrt: 3,
  relu: 4,
  step: 5,
  affine: 6,
  exp: 7,
  sigmoid: 8,
  leakyRelu: 9,
  tanh: 10,
  log: 11,
};

/** Unary ops whose kernels are mostly arithmetic (worth WebAssembly from a lower size). */
export const TRANSCENDENTAL: ReadonlySet<UnaryOp> = new Set<UnaryOp>([
  'exp',
  'sigmoid',
  'tanh',
  'log',
]);

export const BINARY_CODES: Partial<Record<BinaryOp, number>> = {
  add: 0,
  sub: 1,
  mul: 2,
  div: 3,
  maximum: 4,
  minimum: 5,
  reluGrad: 6,
};

export const REDUCE_CODES: Partial<Record<ReduceOp, number>> = { sum: 0, max: 1, min: 2 };

/** Operand layouts of the binary kernel over an R×C output. */
export const LAYOUT = { full: 0, row: 1, col: 2, scalar: 3 } as const;
