/**
 * rxgrad: define-by-run reverse-mode autograd and neural networks for TypeScript,
 * with training as a cold RxJS Observable. The public surface, export by export.
 */

// autograd: tensors, creation, differentiation
export {
  arange,
  type BackwardOptions,
  eye,
  full,
  grad,
  isGradEnabled,
  linspace,
  type NestedArray,
  noGrad,
  ones,
  onesLike,
  rand,
  randn,
  Tensor,
  type TensorData,
  type TensorOptions,
  tensor,
  valueAndGrad,
  zeros,
  zerosLike,
} from './autograd/index.js';

// backend
export {
  type Backend,
  getBackend,
  listBackends,
  registerBackend,
  setBackend,
} from './backend/index.js';
// core: errors, dtypes, shapes, randomness
export {
  ArgumentError,
  type DType,
  DTypeError,
  FormatError,
  GradError,
  NonFiniteError,
  Random,
  type RandomState,
  RxgradError,
  type Shape,
  ShapeError,
  type TypedArray,
} from './core/index.js';

// ops
export {
  type Axis,
  add,
  broadcastTo,
  cast,
  div,
  exp,
  log,
  type MatmulOptions,
  matmul,
  mean,
  mul,
  neg,
  relu,
  reshape,
  sigmoid,
  sub,
  sum,
  type TensorLike,
  tanh,
  transpose,
} from './ops/index.js';

// ops (more: elementwise, activations, shape, reductions, losses) — section of the ops work
// @section ops-more
// @end ops-more

// gradient checking — section of the ops work
// @section gradcheck
// @end gradcheck

// nn — section of the nn/optim work
// @section nn
// @end nn

// optim — section of the nn/optim work
// @section optim
// @end optim

// data — section of the data/metrics work
// @section data
// @end data

// metrics — section of the data/metrics work
// @section metrics
// @end metrics

// train — section of the trainer work
// @section train
// @end train

// graph drawing (DOT) — section of the demos work
// @section graph
// @end graph
