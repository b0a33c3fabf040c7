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
export { checkModuleGradients } from './checkModuleGradients.js';
export { Dropout } from './Dropout.js';
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
export { Sequential } from './Sequential.js';
