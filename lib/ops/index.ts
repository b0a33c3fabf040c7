import './methods.js';

export { abs } from './abs.js';
export { add } from './add.js';
export { type AvgPool2dOptions, avgPool2d } from './avgPool2d.js';
export { type BatchNormOptions, batchNorm } from './batchNorm.js';
export { binaryCrossEntropy } from './binaryCrossEntropy.js';
export { binaryCrossEntropyWithLogits } from './binaryCrossEntropyWithLogits.js';
export { broadcastTo } from './broadcastTo.js';
export { cast } from './cast.js';
export { clip } from './clip.js';
export { concat } from './concat.js';
export { conv2d } from './conv2d.js';
export { conv2dBackpropFilter } from './conv2dBackpropFilter.js';
export { conv2dBackpropInput } from './conv2dBackpropInput.js';
export {
  type Conv2dOptions,
  conv2dGeometry,
  type Padding2d,
  type Size2d,
} from './conv2dGeometry.js';
export { crossEntropy } from './crossEntropy.js';
export { div } from './div.js';
export { erf } from './erf.js';
export { exp } from './exp.js';
export { expandDims } from './expandDims.js';
export { flatten } from './flatten.js';
export { gather } from './gather.js';
export { gelu } from './gelu.js';
export { globalAvgPool2d } from './globalAvgPool2d.js';
export { identity } from './identity.js';
export { leakyRelu } from './leakyRelu.js';
export { log } from './log.js';
export { logSoftmax } from './logSoftmax.js';
export { logSumExp } from './logSumExp.js';
export { type MatmulOptions, matmul } from './matmul.js';
export { max } from './max.js';
export { maximum } from './maximum.js';
export { maxPool2d } from './maxPool2d.js';
export { mean } from './mean.js';
export { min } from './min.js';
export { minimum } from './minimum.js';
export { mse } from './mse.js';
export { mul } from './mul.js';
export { neg } from './neg.js';
export { nll } from './nll.js';
export { type PadWidths, pad } from './pad.js';
export { type Pool2dOptions, poolWindow } from './poolWindow.js';
export { pow } from './pow.js';
export { type PrimitiveName, primitives } from './primitives.js';
export { relu } from './relu.js';
export { reshape } from './reshape.js';
export { scatterAdd } from './scatterAdd.js';
export { sigmoid } from './sigmoid.js';
export { slice } from './slice.js';
export { softmax } from './softmax.js';
export { softplus } from './softplus.js';
export { sqrt } from './sqrt.js';
export { square } from './square.js';
export { squeeze } from './squeeze.js';
export { sse } from './sse.js';
export { stack } from './stack.js';
export { sub } from './sub.js';
export { type Axis, sum } from './sum.js';
export { sumTo } from './sumTo.js';
export { tanh } from './tanh.js';
export { transpose } from './transpose.js';
export { unslice } from './unslice.js';
export type { IndicesLike, TensorLike } from './util.js';
