export { type BackwardOptions, gradients, setGradAccumulator, topoSort } from './backward.js';
export * from './creation.js';
export * from './functional.js';
export { isGradEnabled, noGrad, withGradMode } from './gradMode.js';
export {
  fromOp,
  type NestedArray,
  type OpNode,
  sealedTensor,
  storageOf,
  Tensor,
  type Vjp,
} from './Tensor.js';
