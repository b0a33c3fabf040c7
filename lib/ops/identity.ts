import { fromOp, type Tensor } from '../autograd/index.js';
import { expectTensor } from './util.js';

/**
 * x itself as a new node of the graph (shares storage); the activation that does nothing.
 *
 * @example identity(tensor([1, 2]))  // [1, 2]
 */
export function identity(x: Tensor): Tensor {
  const t = expectTensor(x, 'identity', 'x');
  // d identity(x) = dx
  return fromOp('identity', t.data, t.shape, [t], (g) => [g]);
}
