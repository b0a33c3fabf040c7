import type { Tensor } from '../autograd/index.js';
import { binaryOp } from './elementwise.js';
import type { TensorLike } from './util.js';

/**
 * a + b, elementwise with numpy broadcasting.
 *
 * @example add(tensor([1, 2]), 10)  // [11, 12]
 */
export function add(a: TensorLike, b: TensorLike): Tensor {
  // d(a+b) = da + db
  return binaryOp('add', 'add', a, b, (g) => [g, g]);
}
