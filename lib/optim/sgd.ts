import type { Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt, type TypedArray } from '../core/index.js';
import { BaseOptimizer } from './BaseOptimizer.js';
import type { Optimizer, Schedule } from './Optimizer.js';
import { checkKnown, checkLr, checkRange } from './options.js';

/** Options of `sgd`. */
export interface SgdOptions {
  /** Learning rate, or a schedule of the step. Required. */
  lr: number | Schedule;
  /** Momentum factor μ ≥ 0. Default 0 (plain gradient descent). */
  momentum?: number;
  /** Dampening τ of the momentum. Default 0. */
  dampening?: number;
  /** Nesterov momentum (needs momentum > 0 and dampening 0). Default false. */
  nesterov?: boolean;
  /** L2 penalty λ added to the gradient. Default 0. */
  weightDecay?: number;
}

const KNOWN = ['lr', 'momentum', 'dampening', 'nesterov', 'weightDecay'];

// NOTE: one loop per array type, so that each stays monomorphic, unrolled by four: together
// 2–3× faster than the general loop below (the wider MLP's 670k parameters: 2.1 → 0.7 ms).
function descend32(p: Float32Array, g: Float32Array, lr: number): void {
  const n = p.length;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    p[j] -= lr * g[j];
    p[j + 1] -= lr * g[j + 1];
    p[j + 2] -= lr * g[j + 2];
    p[j + 3] -= lr * g[j + 3];
  }
  for (; j < n; j++) p[j] -= lr * g[j];
}

function descend64(p: Float64Array, g: Float64Array, lr: number): void {
  const n = p.length;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    p[j] -= lr * g[j];
    p[j + 1] -= lr * g[j + 1];
    p[j + 2] -= lr * g[j + 2];
    p[j + 3] -= lr * g[j + 3];
  }
  for (; j < n; j++) p[j] -= lr * g[j];
}

// NOTE: momentum after the first step, one monomorphic loop per array type (the buffer is always
// a Float64Array), the same arithmetic in the same order as the general loop in `update`; plain
// momentum (no weight decay, no Nesterov) unrolled by four. 670k parameters: 2.6 → 1.2 ms.
function momentum32(
  p: Float32Array,
  g: Float32Array,
  buf: Float64Array,
  lr: number,
  mu: number,
  dampening: number,
  nesterov: boolean,
  wd: number,
): void {
  const c = 1 - dampening;
  const n = p.length;
  let j = 0;
  if (wd === 0 && !nesterov) {
    for (; j + 3 < n; j += 4) {
      const b0 = mu * buf[j] + c * g[j];
      const b1 = mu * buf[j + 1] + c * g[j + 1];
      const b2 = mu * buf[j + 2] + c * g[j + 2];
      const b3 = mu * buf[j + 3] + c * g[j + 3];
      buf[j] = b0;
      buf[j + 1] = b1;
      buf[j + 2] = b2;
      buf[j + 3] = b3;
      p[j] -= lr * b0;
      p[j + 1] -= lr * b1;
      p[j + 2] -= lr * b2;
      p[j + 3] -= lr * b3;
    }
  }
  for (; j < n; j++) {
    const d = wd !== 0 ? g[j] + wd * p[j] : g[j];
    const b = mu * buf[j] + c * d;
    buf[j] = b;
    p[j] -= lr * (nesterov ? d + mu * b : b);
  }
}

function momentum64(
  p: Float64Array,
  g: Float64Array,
  buf: Float64Array,
  lr: number,
  mu: number,
  dampening: number,
  nesterov: boolean,
  wd: number,
): void {
  const c = 1 - dampening;
  const n = p.length;
  let j = 0;
  if (wd === 0 && !nesterov) {
    for (; j + 3 < n; j += 4) {
      const b0 = mu * buf[j] + c * g[j];
      const b1 = mu * buf[j + 1] + c * g[j + 1];
      const b2 = mu * buf[j + 2] + c * g[j + 2];
      const b3 = mu * buf[j + 3] + c * g[j + 3];
      buf[j] = b0;
      buf[j + 1] = b1;
      buf[j + 2] = b2;
      buf[j + 3] = b3;
      p[j] -= lr * b0;
      p[j + 1] -= lr * b1;
      p[j + 2] -= lr * b2;
      p[j + 3] -= lr * b3;
    }
  }
  for (; j < n; j++) {
    const d = wd !== 0 ? g[j] + wd * p[j] : g[j];
    const b = mu * buf[j] + c * d;
    buf[j] = b;
    p[j] -= lr * (nesterov ? d + mu * b : b);
  }
}

class Sgd extends BaseOptimizer {
  constructor(
    params: readonly Tensor[],
    lr: number | Schedule,
    private readonly momentum: number,
    private readonly dampening: number,
    private readonly nesterov: boolean,
    private readonly weightDecay: number,
  ) {
    super('sgd', params, lr, momentum !== 0 ? { momentum: 'elementwise' } : {});
  }

  protected update(index: number, p: TypedArray, g: TypedArray, lr: number): void {
    const { momentum: mu, dampening, nesterov, weightDecay: wd } = this;
    if (mu === 0 && wd === 0) {
      // Plain gradient descent, the common case: one tight loop (same arithmetic as below).
      if (p instanceof Float32Array && g instanceof Float32Array) descend32(p, g, lr);
      else if (p instanceof Float64Array && g instanceof Float64Array) descend64(p, g, lr);
      else for (let j = 0; j < p.length; j++) p[j] -= lr * g[j];
      return;
    }
    let buf = mu !== 0 ? this.buffer('momentum', index) : null;
    const first = mu !== 0 && buf === null;
    if (first) buf = this.createBuffer('momentum', index);
    else if (buf !== null) {
      if (p instanceof Float32Array && g instanceof Float32Array) {
        momentum32(p, g, buf, lr, mu, dampening, nesterov, wd);
        return;
      }
      if (p instanceof Float64Array && g instanceof Float64Array) {
        momentum64(p, g, buf, lr, mu, dampening, nesterov, wd);
        return;
      }
    }
    for (let j = 0; j < p.length; j++) {
      let d = wd !== 0 ? g[j] + wd * p[j] : g[j];
      if (buf !== null) {
        // NOTE: the first step starts the buffer at the gradient itself (no dampening), as PyTorch
        const b = first ? d : mu * buf[j] + (1 - dampening) * d;
        buf[j] = b;
        d = nesterov ? d + mu * b : b;
      }
      p[j] -= lr * d;
    }
  }
}

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay,
 * exactly as PyTorch's `torch.optim.SGD` defines them. With gₜ = ∇θ + λθ:
 *
 * bₜ = gₜ (t = 1),  bₜ = μ·bₜ₋₁ + (1 − τ)·gₜ (t > 1);  θ ← θ − lr·(nesterov ? gₜ + μ·bₜ : bₜ)
 *
 * @example
 * const opt = sgd(model.parameters(), { lr: 0.1, momentum: 0.9 });
 * loss.backward(); opt.step(); opt.zeroGrad();
 */
export function sgd(params: readonly Tensor[], options: SgdOptions): Optimizer {
  checkKnown('sgd', options, KNOWN);
  if (options.lr === undefined)
    throw new ArgumentError('sgd: lr is required (the learning rate), got no lr option');
  const lr = checkLr('sgd', options.lr);
  const momentum = checkRange('sgd', 'momentum', options.momentum ?? 0, 0);
  const dampening = checkRange('sgd', 'dampening', options.dampening ?? 0, 0, 1, true);
  const nesterov = options.nesterov ?? false;
  if (typeof nesterov !== 'boolean') {
    throw new ArgumentError(`sgd: nesterov must be a boolean, got ${excerpt(nesterov)}`);
  }
  if (nesterov && (momentum === 0 || dampening !== 0)) {
    throw new ArgumentError(
      `sgd: nesterov needs momentum > 0 and dampening 0, got momentum ${momentum}, dampening ${dampening}`,
    );
  }
  const weightDecay = checkRange('sgd', 'weightDecay', options.weightDecay ?? 0, 0);
  return new Sgd(params, lr, momentum, dampening, nesterov, weightDecay);
}
