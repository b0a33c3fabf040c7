export { type CheckpointOptions, checkpoint } from './checkpoint.js';
export type { ControlCommand } from './control.js';
export { type EarlyStoppingOptions, earlyStopping } from './earlyStopping.js';
export { type EvaluateOptions, type Evaluation, evaluate } from './evaluate.js';
export type {
  CheckpointEvent,
  ControlEvent,
  EarlyStopEvent,
  EpochEvent,
  LearningRateEvent,
  RestartsEvent,
  StartEvent,
  StepEvent,
  SummaryEvent,
  TrainEvent,
} from './events.js';
export { type FitOptions, fit } from './fit.js';
export { formatEvent, formatNumber } from './formatEvent.js';
export { type LogEveryOptions, logEvery } from './logEvery.js';
export type { Monitor, MonitorMode } from './monitor.js';
export { type ReduceLROnPlateauOptions, reduceLROnPlateau } from './reduceLROnPlateau.js';
export { LOSSES, type LossFn, type LossName } from './resolveLoss.js';
export { METRICS, type MetricFn, type MetricName, type MetricsOption } from './resolveMetrics.js';
export { type RestartsOptions, restarts, type Trial } from './restarts.js';
export type { NonFiniteDetails } from './StepEngine.js';
export { smoothLoss } from './smoothLoss.js';
export type { Snapshot, SnapshotPosition, SnapshotTensor, SnapshotWeights } from './snapshot.js';
export { terminateOnNonFinite } from './terminateOnNonFinite.js';
export { type OnlineEvent, type TrainOnOptions, trainOn } from './trainOn.js';
