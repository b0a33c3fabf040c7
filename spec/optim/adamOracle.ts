import { oracle, type Vec } from './harness.js';

export interface AdamOracle {
  lr: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
  amsgrad?: boolean;
  decoupled?: boolean;
}

// Kingma & Ba's Adam with bias correction, written with the corrected moments m̂ and v̂ (as in
// the paper and torch.optim.Adam's documentation); `decoupled` is AdamW's θ ← θ − γλθ first.
export function adamOracle(o: AdamOracle, steps: number): Vec[][] {
  const { lr, betas: [b1, b2] = [0.9, 0.999], eps = 1e-8, weightDecay: wd = 0 } = o;
  return oracle(
    steps,
    (n) => ({
      m: new Array<number>(n).fill(0),
      v: new Array<number>(n).fill(0),
      vMax: new Array<number>(n).fill(0),
    }),
    (theta, grad, s, t) => {
      for (let j = 0; j < theta.length; j++) {
        let g = grad[j];
        if (o.decoupled) theta[j] = theta[j] - lr * wd * theta[j];
        else if (wd !== 0) g = g + wd * theta[j];
        s.m[j] = b1 * s.m[j] + (1 - b1) * g;
        s.v[j] = b2 * s.v[j] + (1 - b2) * g * g;
        const mHat = s.m[j] / (1 - b1 ** t);
        let v = s.v[j];
        if (o.amsgrad) v = s.vMax[j] = Math.max(s.vMax[j], s.v[j]);
        const vHat = v / (1 - b2 ** t);
        theta[j] = theta[j] - (lr * mHat) / (Math.sqrt(vHat) + eps);
      }
    },
  );
}
