import { Tensor } from '../autograd/index.js';
import { ArgumentError, allocate, type DType } from '../core/index.js';

/** A tensor operand, or a plain number that takes the other operand's dtype (numpy's weak scalars). */
export type TensorLike = Tensor | number;

/** Turns a number into a scalar tensor of `dtype`; passes tensors through; rejects anything else. */
export function toTensor(x: TensorLike, dtype: DType, op: string, arg: string): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === 'number') {
    const data = allocate(dtype, 1);
    data[0] = x;
    return new Tensor(data, []);
  }
  throw new ArgumentError(
    `${op}: ${arg} must be a Tensor or a number, got ${x === null ? 'null' : typeof x}`,
  );
}

/** Checks that `x` is a Tensor. */
export function expectTensor(x: unknown, op: string, arg: string): Tensor {
  if (x instanceof Tensor) return x;
  throw new ArgumentError(`${op}: ${arg} must be a Tensor, got ${x === null ? 'null' : typeof x}`);
}

/** The dtype of the first tensor among the operands (float64 when both are numbers). */
export function dtypeOfOperands(a: TensorLike, b: TensorLike): DType {
  if (a instanceof Tensor && b instanceof Tensor)
    return a.dtype === 'float64' || b.dtype === 'float64' ? 'float64' : 'float32';
  if (a instanceof Tensor) return a.dtype;
  if (b instanceof Tensor) return b.dtype;
  return 'float64';
}
