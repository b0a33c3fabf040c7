import { Tensor } from '../autograd/index.js';
import type { DType } from '../core/index.js';
import { add } from './add.js';
import { broadcastTo } from './broadcastTo.js';
import { cast } from './cast.js';
import { div } from './div.js';
import { exp } from './exp.js';
import { log } from './log.js';
import { type MatmulOptions, matmul } from './matmul.js';
import { mean } from './mean.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { relu } from './relu.js';
import { reshape } from './reshape.js';
import { sigmoid } from './sigmoid.js';
import { sub } from './sub.js';
import { type Axis, sum } from './sum.js';
import { tanh } from './tanh.js';
import { transpose } from './transpose.js';
import type { TensorLike } from './util.js';

// Every op is also a method, so models read left to right: x.matmul(w).add(b).relu().
declare module '../autograd/Tensor.js' {
  interface Tensor {
    add(b: TensorLike): Tensor;
    sub(b: TensorLike): Tensor;
    mul(b: TensorLike): Tensor;
    div(b: TensorLike): Tensor;
    neg(): Tensor;
    exp(): Tensor;
    log(): Tensor;
    relu(): Tensor;
    sigmoid(): Tensor;
    tanh(): Tensor;
    matmul(b: Tensor, options?: MatmulOptions): Tensor;
    transpose(perm?: readonly number[]): Tensor;
    reshape(shape: readonly number[]): Tensor;
    broadcastTo(shape: readonly number[]): Tensor;
    sum(axis?: Axis, keepDims?: boolean): Tensor;
    mean(axis?: Axis, keepDims?: boolean): Tensor;
    cast(dtype: DType): Tensor;
  }
}

type Method = (this: Tensor, ...args: never[]) => Tensor;
const methods: Record<string, Method> = {
  add(b: TensorLike) {
    return add(this, b);
  },
  sub(b: TensorLike) {
    return sub(this, b);
  },
  mul(b: TensorLike) {
    return mul(this, b);
  },
  div(b: TensorLike) {
    return div(this, b);
  },
  neg() {
    return neg(this);
  },
  exp() {
    return exp(this);
  },
  log() {
    return log(this);
  },
  relu() {
    return relu(this);
  },
  sigmoid() {
    return sigmoid(this);
  },
  tanh() {
    return tanh(this);
  },
  matmul(b: Tensor, options?: MatmulOptions) {
    return matmul(this, b, options);
  },
  transpose(perm?: readonly number[]) {
    return transpose(this, perm);
  },
  reshape(shape: readonly number[]) {
    return reshape(this, shape);
  },
  broadcastTo(shape: readonly number[]) {
    return broadcastTo(this, shape);
  },
  sum(axis?: Axis, keepDims?: boolean) {
    return sum(this, axis, keepDims);
  },
  mean(axis?: Axis, keepDims?: boolean) {
    return mean(this, axis, keepDims);
  },
  cast(dtype: DType) {
    return cast(this, dtype);
  },
};

for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(Tensor.prototype, name, { value: fn, writable: true, configurable: true });
}
