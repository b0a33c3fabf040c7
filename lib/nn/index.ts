export {
  type ActivationName,
  activation,
  GELU,
  Identity,
  LeakyReLU,
  ReLU,
  Sigmoid,
  Softmax,
  Tanh,
} from './activations.js';
export {
  BatchNorm,
  BatchNorm1d,
  BatchNorm2d,
  type BatchNormLayerOptions,
} from './BatchNorm.js';
export { Conv2d, type Conv2dLayerOptions } from './Conv2d.js';
export { checkModuleGradients } from './checkModuleGradients.js';
export { Dropout } from './Dropout.js';
export { Flatten } from './Flatten.js';
export {
  constant,
  fans,
  glorotNormal,
  glorotUniform,
  type HeOptions,
  heNormal,
  heUniform,
  type Initializer,
  type InitName,
  type InitOptions,
  init,
  normal,
  ones,
  resolveInit,
  resolveRng,
  uniform,
  zeros,
} from './init.js';
export { Linear, type LinearOptions } from './Linear.js';
export { Module, type StateDict } from './Module.js';
export { type MlpOptions, mlp } from './mlp.js';
export { Neuron, type NeuronActivation, type NeuronOptions } from './Neuron.js';
export { AvgPool2d, GlobalAvgPool2d, MaxPool2d } from './pooling.js';
export { Sequential } from './Sequential.js';
