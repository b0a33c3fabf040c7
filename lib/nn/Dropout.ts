import { Tensor } from '../autograd/index.js';
import { ArgumentError, allocate, checkOptions, excerpt, type Random } from '../core/index.js';
import { mul } from '../ops/index.js';
import { resolveRng } from './init.js';
import { Module } from './Module.js';

/**
 * Inverted dropout: in training mode each element is zeroed with probability `p` and the
 * survivors are scaled by 1/(1 − p), so the expected output equals the input; in eval mode
 * (and for p = 0) the input passes through unchanged. The masks come from a seeded generator.
 *
 * y = x ⊙ m / (1 − p),  mᵢ ~ Bernoulli(1 − p)
 *
 * @example
 * const drop = new Dropout(0.2, { seed: 1 });
 * drop.forward(x);         // training: about 20 % zeros, the rest × 1.25
 * drop.eval().forward(x);  // x itself
 */
export class Dropout extends Module {
  /** Probability of zeroing an element, in [0, 1). */
  readonly p: number;
  /** The generator of the masks (its state is what a checkpoint saves for an exact resume). */
  readonly rng: Random;

  constructor(p = 0.5, options: { seed?: number; rng?: Random } = {}) {
    super();
    if (typeof p !== 'number' || !(p >= 0 && p < 1)) {
      throw new ArgumentError(`Dropout: p must be a probability in [0, 1), got ${excerpt(p)}`);
    }
    this.p = p;
    this.rng = resolveRng(checkOptions(options, ['seed', 'rng'], 'Dropout'), 'Dropout');
  }

  forward(x: Tensor): Tensor {
    if (!(x instanceof Tensor)) {
      throw new ArgumentError(`${this.describe()}: input must be a Tensor, got ${typeof x}`);
    }
    if (!this.training || this.p === 0) return x;
    const scale = 1 / (1 - this.p);
    const mask = allocate(x.dtype, x.size);
    for (let i = 0; i < mask.length; i++) mask[i] = this.rng.uniform() < this.p ? 0 : scale;
    // d(x ⊙ m) = m ⊙ dx: the mask is a constant of the graph
    return mul(x, new Tensor(mask, x.shape));
  }

  override describe(): string {
    return `Dropout(p=${this.p})`;
  }
}
