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
    /** `add(this, b)`: this + b, elementwise with broadcasting. See {@link add}. */
    add(b: TensorLike): Tensor;
    /** `sub(this, b)`: this − b, elementwise with broadcasting. See {@link sub}. */
    sub(b: TensorLike): Tensor;
    /** `mul(this, b)`: this · b, elementwise with broadcasting. See {@link mul}. */
    mul(b: TensorLike): Tensor;
    /** `div(this, b)`: this / b, elementwise with broadcasting. See {@link div}. */
    div(b: TensorLike): Tensor;
    /** `neg(this)`: −this. See {@link neg}. */
    neg(): Tensor;
    /** `exp(this)`: eˣ, elementwise. See {@link exp}. */
    exp(): Tensor;
    /** `log(this)`: natural logarithm, elementwise. See {@link log}. */
    log(): Tensor;
    /** `relu(this)`: max(x, 0), elementwise. See {@link relu}. */
    relu(): Tensor;
    /** `sigmoid(this)`: 1 / (1 + e⁻ˣ), elementwise. See {@link sigmoid}. */
    sigmoid(): Tensor;
    /** `tanh(this)`: hyperbolic tangent, elementwise. See {@link tanh}. */
    tanh(): Tensor;
    /** `matmul(this, b, options)`: matrix product this @ b, batched and broadcast as numpy. See {@link matmul}. */
    matmul(b: Tensor, options?: MatmulOptions): Tensor;
    /** `transpose(this, perm)`: the axes permuted by `perm` (reversed by default). See {@link transpose}. */
    transpose(perm?: readonly number[]): Tensor;
    /** `reshape(this, shape)`: the same values with a new shape (one −1 inferred). See {@link reshape}. */
    reshape(shape: readonly number[]): Tensor;
    /** `broadcastTo(this, shape)`: stretched to `shape` by broadcasting. See {@link broadcastTo}. */
    broadcastTo(shape: readonly number[]): Tensor;
    /** `sum(this, axis, keepDims)`: sum over `axis` (all axes by default). See {@link sum}. */
    sum(axis?: Axis, keepDims?: boolean): Tensor;
    /** `mean(this, axis, keepDims)`: mean over `axis` (all axes by default). See {@link mean}. */
    mean(axis?: Axis, keepDims?: boolean): Tensor;
    /** `cast(this, dtype)`: the values converted to `dtype`. See {@link cast}. */
    cast(dtype: DType): Tensor;
    /** `pow(this, exponent)`: xᵉ, elementwise with broadcasting. See {@link pow}. */
    pow(exponent: TensorLike): Tensor;
    /** `sqrt(this)`: √x, elementwise. See {@link sqrt}. */
    sqrt(): Tensor;
    /** `abs(this)`: |x|, elementwise. See {@link abs}. */
    abs(): Tensor;
    /** `square(this)`: x², elementwise. See {@link square}. */
    square(): Tensor;
    /** `maximum(this, b)`: the larger of the two, elementwise with broadcasting. See {@link maximum}. */
    maximum(b: TensorLike): Tensor;
    /** `minimum(this, b)`: the smaller of the two, elementwise with broadcasting. See {@link minimum}. */
    minimum(b: TensorLike): Tensor;
    /** `clip(this, min, max)`: limited to [min, max], elementwise (either bound optional). See {@link clip}. */
    clip(min?: number, max?: number): Tensor;
    /** `leakyRelu(this, slope)`: x where x > 0, slope·x elsewhere (slope default 0.01). See {@link leakyRelu}. */
    leakyRelu(slope?: number): Tensor;
    /** `softplus(this)`: ln(1 + eˣ), elementwise. See {@link softplus}. */
    softplus(): Tensor;
    /** `erf(this)`: the error function, elementwise. See {@link erf}. */
    erf(): Tensor;
    /** `gelu(this)`: ½·x·(1 + erf(x/√2)), elementwise. See {@link gelu}. */
    gelu(): Tensor;
    /** `identity(this)`: the same values as a new node of the graph. See {@link identity}. */
    identity(): Tensor;
    /** `softmax(this, axis)`: e^(xᵢ) / Σⱼ e^(xⱼ) along `axis` (default −1). See {@link softmax}. */
    softmax(axis?: number): Tensor;
    /** `logSoftmax(this, axis)`: xᵢ − ln Σⱼ e^(xⱼ) along `axis` (default −1). See {@link logSoftmax}. */
    logSoftmax(axis?: number): Tensor;
    /** `flatten(this, startAxis, endAxis)`: axes startAxis..endAxis merged into one (all by default). See {@link flatten}. */
    flatten(startAxis?: number, endAxis?: number): Tensor;
    /** `expandDims(this, axis)`: a dimension of size 1 inserted at `axis` (default 0). See {@link expandDims}. */
    expandDims(axis?: number): Tensor;
    /** `squeeze(this, axis)`: dimensions of size 1 removed (those at `axis`, or all). See {@link squeeze}. */
    squeeze(axis?: Axis): Tensor;
    /** `slice(this, begin, size)`: the box that starts at `begin` with `size` elements per axis. See {@link slice}. */
    slice(begin: number | readonly number[], size?: number | readonly number[]): Tensor;
    /** `gather(this, indices)`: the rows picked by `indices`. See {@link gather}. */
    gather(indices: IndicesLike): Tensor;
    /** `max(this, axis, keepDims)`: largest element over `axis` (all axes by default). See the function `max`. */
    max(axis?: Axis, keepDims?: boolean): Tensor;
    /** `min(this, axis, keepDims)`: smallest element over `axis` (all axes by default). See the function `min`. */
    min(axis?: Axis, keepDims?: boolean): Tensor;
    /** `logSumExp(this, axis, keepDims)`: ln Σ eˣ over `axis` (all axes by default), stably. See {@link logSumExp}. */
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
