import type { Backend } from '../../lib/backend/index.js';
import { matrixView } from '../../lib/backend/matrixView.js';
import type { TypedArray } from '../../lib/core/index.js';

/**
 * For the kernel specs: out[oOff…] (m×n) = op(A)·op(B) with A at aOff and B at bOff, through
 * `backend.matmul`'s views (op(A) is m×k, op(B) is k×n).
 */
export function matmulAt(
  backend: Pick<Backend, 'matmul'>,
  a: TypedArray,
  b: TypedArray,
  out: TypedArray,
  m: number,
  k: number,
  n: number,
  transA: boolean,
  transB: boolean,
  aOff = 0,
  bOff = 0,
  oOff = 0,
): void {
  backend.matmul(
    transA ? matrixView(a, k, m, true, aOff) : matrixView(a, m, k, false, aOff),
    transB ? matrixView(b, n, k, true, bOff) : matrixView(b, k, n, false, bOff),
    out.subarray(oOff, oOff + m * n),
  );
}
