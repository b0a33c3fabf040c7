import { expect } from 'vitest';
import { type Optimizer, type Tensor, tensor } from '../../lib/index.js';

export type Vec = number[];

/** Initial values of the two test parameters (shapes [2,3] and [4]). */
export const INIT: Vec[] = [
  [0.5, -1.2, 2.0, 0.1, -0.3, 1.5],
  [1.0, -2.0, 0.25, 3.0],
];

export function makeParams(dtype: 'float64' | 'float32' = 'float64'): Tensor[] {
  return [
    tensor(INIT[0], { shape: [2, 3], requiresGrad: true, dtype }),
    tensor(INIT[1], { requiresGrad: true, dtype }),
  ];
}

/**
 * A deterministic gradient that depends on the current parameters and on the step, so that a
 * wrong update changes every later gradient: g = c ⊙ θ + sin(1 + j + i + t).
 */
export function gradFn(theta: readonly number[], i: number, t: number): Vec {
  return theta.map((v, j) => (0.5 + 0.3 * j) * v + Math.sin(1 + j + i + t));
}

/** Runs `steps` optimiser steps, setting each gradient from gradFn first; the values after each step. */
export function run(opt: Optimizer, params: Tensor[], steps: number, from = 1): Vec[][] {
  const out: Vec[][] = [];
  for (let t = from; t < from + steps; t++) {
    params.forEach((p, i) => {
      p.grad = tensor(gradFn(Array.from(p.data), i, t), { shape: p.shape, dtype: p.dtype });
    });
    opt.step();
    out.push(params.map((p) => Array.from(p.data)));
  }
  return out;
}

/**
 * The oracle: the published update written as a plain loop on number arrays. `update` mutates
 * θ (and its own per-parameter state) from the gradient g at step t (1-based).
 */
export function oracle<S>(
  steps: number,
  makeState: (size: number) => S,
  update: (theta: Vec, g: Vec, s: S, t: number) => void,
): Vec[][] {
  const thetas = INIT.map((v) => [...v]);
  const states = thetas.map((v) => makeState(v.length));
  const out: Vec[][] = [];
  for (let t = 1; t <= steps; t++) {
    thetas.forEach((theta, i) => {
      update(theta, gradFn(theta, i, t), states[i], t);
    });
    out.push(thetas.map((v) => [...v]));
  }
  return out;
}

/** Every value within `rel` relative error (plus a tiny absolute floor). */
export function expectClose(actual: Vec[][], expected: Vec[][], rel = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let s = 0; s < actual.length; s++) {
    for (let i = 0; i < actual[s].length; i++) {
      for (let j = 0; j < actual[s][i].length; j++) {
        const [v, e] = [actual[s][i][j], expected[s][i][j]];
        if (!(Math.abs(v - e) <= rel * Math.abs(e) + 1e-15)) {
          throw new Error(`step ${s + 1}, param ${i}, element ${j}: got ${v}, expected ${e}`);
        }
      }
    }
  }
}

/** Parameters changed at all (guards against an oracle that does nothing). */
export function moved(traj: Vec[][]): boolean {
  return traj[traj.length - 1].some((vec, i) => vec.some((v, j) => v !== INIT[i][j]));
}
