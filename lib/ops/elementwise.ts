import { fromOp, storageOf, type Tensor } from '../autograd/index.js';
import { type BinaryOp, getBackend, type UnaryOp } from '../backend/index.js';
import { allocate, broadcastShapes, type DType, sizeOf } from '../core/index.js';
import { sumTo } from './sumTo.js';
import { dtypeOfOperands, type TensorLike, toTensor } from './util.js';

/**
 * Defines a broadcasting binary primitive. `vjp` returns the gradients in the output's shape;
 * the shared `sumTo` brings each back to its input's shape and dtype. `names` are the operands'
 * names in error messages.
 */
export function binaryOp(
  op: string,
  kernel: BinaryOp,
  a: TensorLike,
  b: TensorLike,
  vjp: (g: Tensor, y: Tensor, a: Tensor, b: Tensor) => [Tensor | null, Tensor | null],
  names: readonly [string, string] = ['a', 'b'],
): Tensor {
  const dtype: DType = dtypeOfOperands(a, b);
  const ta = toTensor(a, dtype, op, names[0]);
  const tb = toTensor(b, dtype, op, names[1]);
  const shape = broadcastShapes(ta.shape, tb.shape, op);
  const out = allocate(dtype, sizeOf(shape), op);
  getBackend().binary(kernel, storageOf(ta), ta.shape, storageOf(tb), tb.shape, out, shape);
  return fromOp(op, out, shape, [ta, tb], (g, y) => {
    const [ga, gb] = vjp(g, y, ta, tb);
    return [
      ga && ta.requiresGrad ? sumTo(ga, ta.shape, ta.dtype) : null,
      gb && tb.requiresGrad ? sumTo(gb, tb.shape, tb.dtype) : null,
    ];
  });
}

/** Defines an elementwise unary primitive whose gradient `vjp` maps (g, y, x) to gx. */
export function unaryOp(
  op: string,
  kernel: UnaryOp,
  x: Tensor,
  vjp: (g: Tensor, y: Tensor, x: Tensor) => Tensor,
  p1?: number,
  p2?: number,
): Tensor {
  const out = allocate(x.dtype, x.size);
  getBackend().unary(kernel, storageOf(x), out, p1, p2);
  return fromOp(op, out, x.shape, [x], (g, y) => [vjp(g, y, x)]);
}
