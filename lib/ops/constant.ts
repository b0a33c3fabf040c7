import { sealedTensor, storageOf, type Tensor } from '../autograd/index.js';
import { type BinaryOp, getBackend, type UnaryOp } from '../backend/index.js';
import { allocate, broadcastShapes, sizeOf } from '../core/index.js';

/**
 * An elementwise function of `x` that is a constant for differentiation (no graph is recorded):
 * masks such as relu's step, whose own derivative is zero almost everywhere.
 */
export function constantUnary(kernel: UnaryOp, x: Tensor, p1?: number, p2?: number): Tensor {
  const out = allocate(x.dtype, x.size);
  getBackend().unary(kernel, storageOf(x), out, p1, p2);
  return sealedTensor(out, x.shape);
}

/** A broadcasting kernel of a and b (in a's dtype) outside the graph: a comparison mask such as `equal` or `greater`, or a gradient computed while no graph is recorded. */
export function constantBinary(kernel: BinaryOp, a: Tensor, b: Tensor | number): Tensor {
  const bData = typeof b === 'number' ? allocate(a.dtype, 1).fill(b) : storageOf(b);
  const bShape = typeof b === 'number' ? [] : b.shape;
  const shape = broadcastShapes(a.shape, bShape, kernel);
  const out = allocate(a.dtype, sizeOf(shape));
  getBackend().binary(kernel, storageOf(a), a.shape, bData, bShape, out, shape);
  return sealedTensor(out, shape);
}

/**
 * The subgradient masks of max(a, b) in the broadcast shape: [a > b] + ½[a = b] for a and the rest
 * for b. NOTE: ties split the gradient evenly (as PyTorch does), which is also what a central
 * finite difference measures at a tie.
 */
export function tieSplitMasks(a: Tensor, b: Tensor): [Tensor, Tensor] {
  const greater = constantBinary('greater', a, b);
  const equal = constantBinary('equal', a, b);
  const ma = greater.data;
  const mb = equal.data;
  for (let i = 0; i < ma.length; i++) {
    ma[i] += 0.5 * mb[i];
    mb[i] = 1 - ma[i];
  }
  return [greater, equal];
}
