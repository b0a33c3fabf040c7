import { fromOp, storageOf, type Tensor } from '../autograd/index.js';
import { allocate, checkDType, type DType } from '../core/index.js';
import { expectTensor } from './util.js';

/** x converted to `dtype` (a copy; the same tensor when it already has that dtype). */
export function cast(x: Tensor, dtype: DType): Tensor {
  const t = expectTensor(x, 'cast', 'x');
  checkDType(dtype, 'cast');
  if (t.dtype === dtype) return t;
  const out = allocate(dtype, t.size);
  out.set(storageOf(t));
  // d cast(x) = cast(dx) back to x's dtype
  return fromOp('cast', out, t.shape, [t], (g) => [cast(g, t.dtype)]);
}
