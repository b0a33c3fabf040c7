export {
  type FitInWorkerOptions,
  fitInWorker,
  requestWeights,
} from './fitInWorker.js';
export type {
  FromWorker,
  PortLike,
  SerializedError,
  ToWorker,
  WeightsData,
  WorkerControl,
  WorkerErrorEventLike,
  WorkerLike,
} from './protocol.js';
export { deserializeError, errorFromCrash, serializeError } from './serializeError.js';
export { type FitSetup, type ServedFit, serveFit } from './serveFit.js';
export { WorkerError } from './WorkerError.js';
export { fromWeightsData, toWeightsData } from './weightsData.js';
