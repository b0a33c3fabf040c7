import { fromOp, storageOf, type Tensor } from '../autograd/index.js';
import { getBackend } from '../backend/index.js';
import { matrixView } from '../backend/matrixView.js';
import {
  allocate,
  booleanOption,
  broadcastShapes,
  checkOptions,
  formatShape,
  ShapeError,
  sizeOf,
  stridesOf,
} from '../core/index.js';
import { isHandedOut } from '../core/sealed.js';
import { cast } from './cast.js';
import { reshape } from './reshape.js';
import { sumTo } from './sumTo.js';
import { expectTensor } from './util.js';

/** Options of `matmul`: use an operand transposed (its last two axes swapped) without copying it. */
export interface MatmulOptions {
  /** Use Aᵀ (A's last two axes swapped) without materialising it. */
  transA?: boolean;
  /** Use Bᵀ without materialising it. */
  transB?: boolean;
}

/** Offsets of each output matrix's operands in a broadcast batch. */
function batchOffsets(
  batch: readonly number[],
  own: readonly number[],
  matSize: number,
): Int32Array {
  const n = sizeOf(batch);
  const offsets = new Int32Array(n);
  const ownStrides = stridesOf(own);
  const lead = batch.length - own.length;
  const outStrides = stridesOf(batch);
  for (let i = 0; i < n; i++) {
    let rem = i;
    let o = 0;
    for (let d = 0; d < batch.length; d++) {
      const idx = Math.floor(rem / outStrides[d]);
      rem -= idx * outStrides[d];
      const j = d - lead;
      if (j >= 0 && own[j] !== 1) o += idx * ownStrides[j];
    }
    offsets[i] = o * matSize;
  }
  return offsets;
}

/**
 * The primitive: op(A)·op(B) over the last two axes, leading (batch) axes broadcast. Every
 * layout the backward pass needs (A·B, Aᵀ·B, A·Bᵀ) goes straight to the kernel.
 */
function matmul2d(
  a: Tensor,
  b: Tensor,
  transA: boolean,
  transB: boolean,
  shown: [readonly number[], readonly number[]],
): Tensor {
  const [ar, ac] = a.shape.slice(-2);
  const [br, bc] = b.shape.slice(-2);
  const [m, k] = transA ? [ac, ar] : [ar, ac];
  const [k2, n] = transB ? [bc, br] : [br, bc];
  if (k !== k2) {
    throw new ShapeError(
      `matmul: inner dimensions must agree, got ${formatShape(shown[0])} @ ${formatShape(shown[1])}`,
    );
  }
  const aBatch = a.shape.slice(0, -2);
  const bBatch = b.shape.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch, 'matmul (batch dimensions)');
  const shape = [...batch, m, n];
  const out = allocate(a.dtype, sizeOf(shape), 'matmul');
  const count = sizeOf(batch);
  const aOff = batchOffsets(batch, aBatch, m * k);
  const bOff = batchOffsets(batch, bBatch, k * n);
  const backend = getBackend();
  const [as, bs] = [storageOf(a), storageOf(b)];
  // storage never handed out cannot change: the backend may keep a copy (see lib/core/sealed.ts)
  const [aStable, bStable] = [!isHandedOut(as), !isHandedOut(bs)];
  for (let i = 0; i < count; i++) {
    backend.matmul(
      matrixView(as, ar, ac, transA, aOff[i], aStable),
      matrixView(bs, br, bc, transB, bOff[i], bStable),
      count === 1 ? out : out.subarray(i * m * n, (i + 1) * m * n),
    );
  }
  return fromOp('matmul', out, shape, [a, b], (g) => {
    // C = op(A)·op(B):  dA = dC·op(B)ᵀ,  dB = op(A)ᵀ·dC, each laid out as A and B are stored
    let ga: Tensor | null = null;
    let gb: Tensor | null = null;
    if (a.requiresGrad) {
      ga = transA
        ? matmul2d(b, g, transB, true, [b.shape, g.shape])
        : matmul2d(g, b, false, !transB, [g.shape, b.shape]);
      ga = sumTo(ga, a.shape, a.dtype);
    }
    if (b.requiresGrad) {
      gb = transB
        ? matmul2d(g, a, true, transA, [g.shape, a.shape])
        : matmul2d(a, g, !transA, false, [a.shape, g.shape]);
      gb = sumTo(gb, b.shape, b.dtype);
    }
    return [ga, gb];
  });
}

/**
 * Matrix product with numpy's rules: 2-D @ 2-D; leading batch axes broadcast; a 1-D operand is
 * a row (left) or a column (right) vector whose axis is dropped from the result.
 *
 * @example matmul(x, w)  // [128,1000] @ [1000,100] → [128,100]
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  checkOptions(options, ['transA', 'transB'], 'matmul');
  booleanOption(options?.transA, false, 'matmul', 'transA');
  booleanOption(options?.transB, false, 'matmul', 'transB');
  let ta = expectTensor(a, 'matmul', 'a');
  let tb = expectTensor(b, 'matmul', 'b');
  if (ta.rank === 0 || tb.rank === 0) {
    throw new ShapeError(
      `matmul: operands must have at least one dimension, got ${formatShape(ta.shape)} @ ${formatShape(tb.shape)}`,
    );
  }
  const shown: [readonly number[], readonly number[]] = [ta.shape, tb.shape];
  if (ta.dtype !== tb.dtype) {
    ta = cast(ta, 'float64');
    tb = cast(tb, 'float64');
  }
  const aVec = ta.rank === 1;
  const bVec = tb.rank === 1;
  if (aVec) ta = reshape(ta, [1, ta.shape[0]]);
  if (bVec) tb = reshape(tb, [tb.shape[0], 1]);
  let y = matmul2d(ta, tb, !aVec && !!options.transA, !bVec && !!options.transB, shown);
  if (aVec || bVec) {
    const shape = y.shape.slice(0, -2);
    if (!aVec) shape.push(y.shape[y.rank - 2]);
    if (!bVec) shape.push(y.shape[y.rank - 1]);
    y = reshape(y, shape);
  }
  return y;
}
