import { breastCancer } from './breastCancer.js';
import type { Demo } from './common.js';
import { digits } from './digits.js';
import { fashion } from './fashion.js';
import { gradientDescent } from './gradientDescent.js';
import { housePrices } from './housePrices.js';
import { neuron } from './neuron.js';
import { twoLayer } from './twoLayer.js';
import { twoLayerNn } from './twoLayerNn.js';

/** Every demo, in the order of the tutorials. */
export const demos: readonly Demo[] = [
  neuron,
  gradientDescent,
  twoLayer,
  twoLayerNn,
  breastCancer,
  housePrices,
  digits,
  fashion,
];
