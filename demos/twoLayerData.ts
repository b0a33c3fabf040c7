import { Random, randn, type Tensor } from '../lib/index.js';

/** The tutorial's sizes: batch 128, 1000 inputs, 100 hidden units, 1 output. */
export const N = 128;
export const D_IN = 1000;
export const H = 100;
export const D_OUT = 1;
export const LEARNING_RATE = 1e-6;

/** Random normal inputs, targets and weights, drawn in that order from one seeded generator. */
export function twoLayerData(seed: number): { x: Tensor; y: Tensor; w1: Tensor; w2: Tensor } {
  const rng = new Random(seed);
  return {
    x: randn([N, D_IN], { rng }),
    y: randn([N, D_OUT], { rng }),
    w1: randn([D_IN, H], { rng }),
    w2: randn([H, D_OUT], { rng }),
  };
}

/** Loops at which the tutorial prints the loss: 0, 10, …, 100, 200, 300, 400 (and the last). */
export function isReported(t: number, loops: number): boolean {
  return (t <= 100 && t % 10 === 0) || t % 100 === 0 || t === loops - 1;
}
