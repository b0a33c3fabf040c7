import { Tensor } from '../autograd/index.js';
import type { DType } from '../core/index.js';
import { abs } from './abs.js';
import { add } from './add.js';
import { broadcastTo } from './broadcastTo.js';
import { cast } from './cast.js';
import { clip } from './clip.js';
import { div } from './div.js';
import { erf } from './erf.js';
import { exp } from './exp.js';
import { expandDims } from './expandDims.js';
import { flatten } from './flatten.js';
import { gather } from './gather.js';
import { gelu } from './gelu.js';
import { identity } from './identity.js';
import { leakyRelu } from './leakyRelu.js';
import { log } from './log.js';
import { logSoftmax } from './logSoftmax.js';
import { logSumExp } from './logSumExp.js';
import { type MatmulOptions, matmul } from './matmul.js';
import { max } from './max.js';
import { maximum } from './maximum.js';
import { mean } from './mean.js';
import { min } from './min.js';
import { minimum } from './minimum.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { pow } from './pow.js';
import { relu } from './relu.js';
import { reshape } from './reshape.js';
import { sigmoid } from './sigmoid.js';
import { slice } from './slice.js';
import { softmax } from './softmax.js';
import { softplus } from './softplus.js';
import { sqrt } from './sqrt.js';
import { square } from './square.js';
import { squeeze } from './squeeze.js';
import { sub } from './sub.js';
import { type Axis, sum } from './sum.js';
import { tanh } from './tanh.js';
import { transpose } from './transpose.js';
import type { IndicesLike, TensorLike } from './util.js';

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
    pow(exponent: TensorLike): Tensor;
    sqrt(): Tensor;
    abs(): Tensor;
    square(): Tensor;
    maximum(b: TensorLike): Tensor;
    minimum(b: TensorLike): Tensor;
    clip(min?: number, max?: number): Tensor;
    leakyRelu(slope?: number): Tensor;
    softplus(): Tensor;
    erf(): Tensor;
    gelu(): Tensor;
    identity(): Tensor;
    softmax(axis?: number): Tensor;
    logSoftmax(axis?: number): Tensor;
    flatten(startAxis?: number, endAxis?: number): Tensor;
    expandDims(axis?: number): Tensor;
    squeeze(axis?: Axis): Tensor;
    slice(begin: number | readonly number[], size?: number | readonly number[]): Tensor;
    gather(indices: IndicesLike): Tensor;
    max(axis?: Axis, keepDims?: boolean): Tensor;
    min(axis?: Axis, keepDims?: boolean): Tensor;
    logSumExp(axis?: Axis, keepDims?: boolean): Tensor;
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
  pow(exponent: TensorLike) {
    return pow(this, exponent);
  },
  sqrt() {
    return sqrt(this);
  },
  abs() {
    return abs(this);
  },
  square() {
    return square(this);
  },
  maximum(b: TensorLike) {
    return maximum(this, b);
  },
  minimum(b: TensorLike) {
    return minimum(this, b);
  },
  clip(lo?: number, hi?: number) {
    return clip(this, lo, hi);
  },
  leakyRelu(slope?: number) {
    return leakyRelu(this, slope);
  },
  softplus() {
    return softplus(this);
  },
  erf() {
    return erf(this);
  },
  gelu() {
    return gelu(this);
  },
  identity() {
    return identity(this);
  },
  softmax(axis?: number) {
    return softmax(this, axis);
  },
  logSoftmax(axis?: number) {
    return logSoftmax(this, axis);
  },
  flatten(startAxis?: number, endAxis?: number) {
    return flatten(this, startAxis, endAxis);
  },
  expandDims(axis?: number) {
    return expandDims(this, axis);
  },
  squeeze(axis?: Axis) {
    return squeeze(this, axis);
  },
  slice(begin: number | readonly number[], size?: number | readonly number[]) {
    return slice(this, begin, size);
  },
  gather(indices: IndicesLike) {
    return gather(this, indices);
  },
  max(axis?: Axis, keepDims?: boolean) {
    return max(this, axis, keepDims);
  },
  min(axis?: Axis, keepDims?: boolean) {
    return min(this, axis, keepDims);
  },
  logSumExp(axis?: Axis, keepDims?: boolean) {
    return logSumExp(this, axis, keepDims);
  },
};

/**
 * Makes every op a method of `Tensor` (`x.matmul(w).add(b).relu()`). The package's entry
 * modules call it once (lib/install.ts); calling it again changes nothing.
 */
export function installTensorMethods(): void {
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(Tensor.prototype, name, {
      value: fn,
      writable: true,
      configurable: true,
    });
  }
}
