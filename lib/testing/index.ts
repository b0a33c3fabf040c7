/**
 * rxgrad/testing: fast-check arbitraries of shapes and tensors, and a gradient assertion, so
 * that a gradient property test takes a few lines. Needs the optional peer dependency fast-check.
 *
 * @module rxgrad/testing
 */

import '../install.js';

export {
  type ArbBroadcastableShapesOptions,
  arbBroadcastableShapes,
} from './arbBroadcastableShapes.js';
export {
  type ArbBroadcastableTensorsOptions,
  arbBroadcastableTensors,
} from './arbBroadcastableTensors.js';
export { type ArbShapeOptions, arbShape } from './arbShape.js';
export { type ArbTensorOptions, type ArbValueOptions, arbTensor } from './arbTensor.js';
export { expectGradientsMatch } from './expectGradientsMatch.js';
