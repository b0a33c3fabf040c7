export { type AdamOptions, adam } from './adam.js';
export { adamw } from './adamw.js';
export { BaseOptimizer, type BufferLayout } from './BaseOptimizer.js';
export { checkOptimizerState } from './checkOptimizerState.js';
export { type ClipGradNormOptions, clipGradNorm } from './clipGradNorm.js';
export { clipGradValue } from './clipGradValue.js';
export type { Optimizer, OptimizerState, Schedule } from './Optimizer.js';
export { type RmspropOptions, rmsprop } from './rmsprop.js';
export {
  constantSchedule,
  cosineDecay,
  exponentialDecay,
  joinSchedules,
  stepDecay,
  warmup,
} from './schedules.js';
export { type SgdOptions, sgd } from './sgd.js';
