/**
 * rxgrad: define-by-run reverse-mode autograd and neural networks for TypeScript, with training
 * as a cold RxJS Observable. Node-only files, the progress bar and worker threads are in
 * `rxgrad/node`, figures in `rxgrad/plot`, fast-check arbitraries in `rxgrad/testing`.
 *
 * @module rxgrad
 */

// The public surface, export by export.

import './install.js';

// autograd: tensors, creation, differentiation
export {
  type ArgNums,
  arange,
  type BackwardOptions,
  eye,
  full,
  type GradOf,
  grad,
  isGradEnabled,
  linspace,
  type NestedArray,
  noGrad,
  type OpNode,
  ones,
  onesLike,
  type RandomOptions,
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
  type AdamRule,
  type AdamStep,
  type Backend,
  type BinaryOp,
  type Conv2dGeometry,
  getBackend,
  listBackends,
  type MatrixView,
  type ReduceOp,
  type RmspropRule,
  registerBackend,
  type SgdRule,
  setBackend,
  setWasmThreads,
  terminateWasmWorkers,
  type UnaryOp,
  type UpdateRule,
  type WasmInfo,
  type Window2d,
  wasmAvailable,
  wasmInfo,
  wasmReady,
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
// ops: elementwise, activations, linear algebra and shape, reductions, losses — section of the
// ops work (one export statement: biome merges exports from the same module)
// @section ops-more
export {
  type AvgPool2dOptions,
  type Axis,
  abs,
  add,
  avgPool2d,
  type BatchNormOptions,
  batchNorm,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  broadcastTo,
  type Conv2dOptions,
  cast,
  clip,
  concat,
  conv2d,
  crossEntropy,
  div,
  erf,
  exp,
  expandDims,
  flatten,
  gather,
  gelu,
  globalAvgPool2d,
  type IndicesLike,
  identity,
  leakyRelu,
  log,
  logSoftmax,
  logSumExp,
  type MatmulOptions,
  matmul,
  max,
  maximum,
  maxPool2d,
  mean,
  min,
  minimum,
  mse,
  mul,
  neg,
  nll,
  type Padding2d,
  type PadWidths,
  type Pool2dOptions,
  pad,
  pow,
  relu,
  reshape,
  type Size2d,
  sigmoid,
  slice,
  softmax,
  softplus,
  sqrt,
  square,
  squeeze,
  sse,
  stack,
  sub,
  sum,
  type TensorLike,
  tanh,
  transpose,
} from './ops/index.js';
// @end ops-more

// gradient checking — section of the ops work
// @section gradcheck
export { type GradCheckOptions, gradCheck } from './autograd/gradCheck.js';
export type {
  GradCheckComparison,
  GradCheckInputReport,
  GradCheckReport,
  GradCheckWorst,
} from './autograd/gradCheckReport.js';
export { gradGradCheck } from './autograd/gradGradCheck.js';
// @end gradcheck

// nn — section of the nn/optim work
// @section nn
export {
  type ActivationName,
  AvgPool2d,
  activation,
  BatchNorm,
  BatchNorm1d,
  BatchNorm2d,
  type BatchNormLayerOptions,
  Conv2d,
  type Conv2dLayerOptions,
  checkModuleGradients,
  Dropout,
  Flatten,
  GELU,
  GlobalAvgPool2d,
  type HeOptions,
  Identity,
  type Initializer,
  type InitName,
  type InitOptions,
  init,
  LeakyReLU,
  Linear,
  type LinearOptions,
  MaxPool2d,
  type MlpOptions,
  Module,
  mlp,
  Neuron,
  type NeuronActivation,
  type NeuronOptions,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  type StateDict,
  Tanh,
} from './nn/index.js';
// @end nn

// optim — section of the nn/optim work
// @section optim
export {
  type AdamOptions,
  adam,
  adamw,
  type ClipGradNormOptions,
  clipGradNorm,
  clipGradValue,
  constantSchedule,
  cosineDecay,
  exponentialDecay,
  joinSchedules,
  type Optimizer,
  type OptimizerState,
  type RmspropOptions,
  rmsprop,
  type Schedule,
  type SgdOptions,
  sgd,
  stepDecay,
  warmup,
} from './optim/index.js';
// @end optim

// data — section of the data/metrics work
// @section data
export {
  type Batch,
  Batches,
  type BatchesOptions,
  batches,
  type Cell,
  type ColumnRef,
  type CsvTable,
  type DataLike,
  Dataset,
  type DatasetOptions,
  datasets,
  decodeIdx,
  type EncoderInput,
  type FromArraysOptions,
  fashionMnistClasses,
  fromArrays,
  gatherRows,
  type IdxArray,
  type IdxDatasetOptions,
  type IdxType,
  idxDataset,
  isTable,
  LabelEncoder,
  type LabelEncoderState,
  type LoadCsvOptions,
  labelEncoder,
  loadCsv,
  MinMaxScaler,
  type MinMaxScalerOptions,
  type MinMaxScalerState,
  minMaxScaler,
  OneHotEncoder,
  type OneHotEncoderOptions,
  type OneHotEncoderState,
  oneHotEncoder,
  type ReadCsvOptions,
  readCsv,
  readIdx,
  type SeedOptions,
  StandardScaler,
  type StandardScalerOptions,
  type StandardScalerState,
  shuffle,
  standardScaler,
  type Table,
  type TrainTestSplitOptions,
  trainTestSplit,
} from './data/index.js';
// @end data

// metrics — section of the data/metrics work
// @section metrics
export {
  accuracy,
  binaryAccuracy,
  type ClassMetricOptions,
  confusionMatrix,
  f1,
  type MetricInput,
  mae,
  precision,
  r2,
  recall,
  rmse,
} from './metrics/index.js';
// @end metrics

// train — section of the trainer work
// @section train
export {
  type CheckpointEvent,
  type CheckpointOptions,
  type ControlCommand,
  type ControlEvent,
  checkpoint,
  type EarlyStopEvent,
  type EarlyStoppingOptions,
  type EpochEvent,
  type EvaluateOptions,
  type Evaluation,
  earlyStopping,
  evaluate,
  type FitOptions,
  fit,
  formatEvent,
  formatNumber,
  type LearningRateEvent,
  LOSSES,
  type LogEveryOptions,
  type LossFn,
  type LossName,
  logEvery,
  METRICS,
  type MetricFn,
  type MetricName,
  type MetricsOption,
  type Monitor,
  type MonitorMode,
  type NonFiniteDetails,
  type OnlineEvent,
  type ReduceLROnPlateauOptions,
  type RestartsEvent,
  type RestartsOptions,
  reduceLROnPlateau,
  restarts,
  type Snapshot,
  type SnapshotPosition,
  type SnapshotTensor,
  type SnapshotWeights,
  type StartEvent,
  type StepEvent,
  type SummaryEvent,
  smoothLoss,
  type TrainEvent,
  type TrainOnOptions,
  type Trial,
  terminateOnNonFinite,
  trainOn,
} from './train/index.js';
// @end train

// graph drawing (DOT) — section of the demos work
// @section graph
export { type GraphOptions, toDot } from './plot/toDot.js';
// @end graph

// saving, loading, exporting (safetensors, ONNX) — section of the io work
// @section io
export {
  type Architecture,
  buildModel,
  decodeSafetensors,
  decodeSnapshot,
  describeArchitecture,
  type EncodeSnapshotOptions,
  type ExportOnnxOptions,
  encodeSafetensors,
  encodeSnapshot,
  exportOnnx,
  type Loaded,
  type LoadOptions,
  load,
  loadBlob,
  type OnnxDim,
  type Preprocessor,
  type PreprocessorState,
  parseExact,
  type SafetensorsContents,
  type SaveOptions,
  save,
  saveBlob,
  stringifyExact,
} from './io/index.js';
// @end io

// training in a worker (Web Worker / worker thread) — section of the browser work
// @section worker
export {
  deserializeError,
  type FitInWorkerOptions,
  type FitSetup,
  fitInWorker,
  fromWeightsData,
  type PortLike,
  requestWeights,
  type SerializedError,
  type ServedFit,
  serializeError,
  serveFit,
  toWeightsData,
  type WeightsData,
  type WorkerControl,
  WorkerError,
  type WorkerErrorEventLike,
  type WorkerLike,
} from './worker/index.js';
// @end worker
