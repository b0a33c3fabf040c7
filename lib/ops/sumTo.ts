import type { Tensor } from '../autograd/index.js';
import { type DType, type Shape, shapesEqual } from '../core/index.js';
import { cast } from './cast.js';
import { reshape } from './reshape.js';
import { sum } from './sum.js';

/**
 * The backward of a broadcast: sums `g` over the dimensions that broadcasting stretched or
 * prepended, so it has `shape` again, and casts it to `dtype`. Built from ops, so differentiable.
 */
export function sumTo(g: Tensor, shape: Shape, dtype: DType): Tensor {
  let r = g;
  if (!shapesEqual(g.shape, shape)) {
    const lead = g.rank - shape.length;
    const axes: number[] = [];
    for (let i = 0; i < g.rank; i++) {
      if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
    }
    r = reshape(sum(g, axes, true), shape);
  }
  return r.dtype === dtype ? r : cast(r, dtype);
}
