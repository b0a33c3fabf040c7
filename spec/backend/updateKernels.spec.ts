import { describe, expect, it } from 'vitest';
import { jsBackend, wasmBackend } from '../../lib/backend/index.js';
import { Random } from '../../lib/core/index.js';

// The optimisers' update rules behind the backend, on raw arrays, against the formulas written
// out plainly (the optimiser specs check the same rules against PyTorch through the optimisers).

const n = 37; // odd: the unrolled loops' tails run too
const rng = new Random(3);
const values = (k: number) => Array.from({ length: k }, () => rng.normal());

function run(T: Float32ArrayConstructor | Float64ArrayConstructor, stateCount: number) {
  const p0 = values(n);
  const g0 = values(n);
  const s0 = Array.from({ length: stateCount }, () => values(n).map(Math.abs));
  const p = T.from(p0);
  const g = T.from(g0);
  const state = s0.map((s) => Float64Array.from(s));
  return { p, g, state, p0: Array.from(p), g0: Array.from(g), s0 };
}

describe('Backend.update (the optimisers’ rules)', () => {
  for (const T of [Float64Array, Float32Array]) {
    const round = T === Float32Array ? Math.fround : (x: number) => x;
    it(`sgd with momentum, Nesterov and weight decay, first and later steps (${T.name})`, () => {
      for (const first of [true, false]) {
        const rule = {
          rule: 'sgd',
          lr: 0.1,
          momentum: 0.9,
          dampening: 0,
          nesterov: true,
          weightDecay: 0.01,
          first,
        } as const;
        const { p, g, state, p0, g0, s0 } = run(T, 1);
        for (const backend of [jsBackend, wasmBackend]) {
          const [pc, bc] = [T.from(p), Float64Array.from(state[0])];
          backend.update(rule, pc, g, [bc]);
          for (let j = 0; j < n; j++) {
            const d = g0[j] + 0.01 * p0[j];
            const b = first ? d : 0.9 * s0[0][j] + d;
            expect(bc[j]).toBeCloseTo(b, 12);
            expect(pc[j]).toBeCloseTo(round(p0[j] - 0.1 * (d + 0.9 * b)), 6);
          }
        }
      }
    });

    it(`adam and amsgrad (${T.name})`, () => {
      const k = { b1: 0.9, b2: 0.999, stepSize: 0.01, bc2Sqrt: 0.5, eps: 1e-8, l2: 0, shrink: 1 };
      for (const amsgrad of [false, true]) {
        const { p, g, state, p0, g0, s0 } = run(T, amsgrad ? 3 : 2);
        jsBackend.update({ rule: 'adam', ...k }, p, g, amsgrad ? state : [...state, null]);
        for (let j = 0; j < n; j++) {
          const m = 0.9 * s0[0][j] + 0.1 * g0[j];
          const v = 0.999 * s0[1][j] + 0.001 * g0[j] ** 2;
          const vHat = amsgrad ? Math.max(s0[2][j], v) : v;
          expect(state[0][j]).toBeCloseTo(m, 12);
          expect(state[1][j]).toBeCloseTo(v, 12);
          expect(p[j]).toBeCloseTo(p0[j] - 0.01 * (m / (Math.sqrt(vHat) / 0.5 + 1e-8)), 5);
        }
      }
    });

    it(`rmsprop, centered with momentum (${T.name})`, () => {
      const rule = {
        rule: 'rmsprop',
        lr: 0.01,
        alpha: 0.99,
        eps: 1e-8,
        momentum: 0.5,
        weightDecay: 0,
      } as const;
      const { p, g, state, p0, g0, s0 } = run(T, 3);
      // a centered average small enough that the variance stays positive
      for (let j = 0; j < n; j++) state[1][j] = s0[1][j] = 0;
      jsBackend.update(rule, p, g, state);
      for (let j = 0; j < n; j++) {
        const v = 0.99 * s0[0][j] + 0.01 * g0[j] ** 2;
        const a = 0.01 * g0[j];
        const b = 0.5 * s0[2][j] + g0[j] / (Math.sqrt(Math.max(0, v - a * a)) + 1e-8);
        expect(state[2][j]).toBeCloseTo(b, 9);
        expect(p[j]).toBeCloseTo(p0[j] - 0.01 * b, 5);
      }
    });
  }

  it('is the same kernel on both backends (the parameters live in JS arrays)', () => {
    expect(wasmBackend.update).toBe(jsBackend.update);
  });
});
