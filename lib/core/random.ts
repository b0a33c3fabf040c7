import { ArgumentError } from './errors.js';
import { excerpt } from './excerpt.js';

/** The complete, plain-data state of a `Random` generator (safe to JSON-encode and restore). */
export interface RandomState {
  /** The four 32-bit words of the xoshiro128** state, unsigned. */
  readonly s: readonly [number, number, number, number];
  /** The second normal of the last Box–Muller pair, not yet drawn (null if none). */
  readonly spare: number | null;
}

/**
 * A seeded pseudo-random generator (xoshiro128**, seeded through splitmix32).
 * The only source of randomness in rxgrad: the same seed gives the same numbers on every
 * machine, in Node and in browsers. Its state can be saved and restored for exact resume.
 *
 * @example
 * const rng = new Random(42);
 * rng.uniform(); // a float in [0, 1)
 */
export class Random {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare: number | null = null;

  constructor(seed = 0) {
    if (typeof seed !== 'number' || !Number.isFinite(seed)) {
      throw new ArgumentError(`Random: seed must be a finite number, got ${excerpt(seed)}`);
    }
    // NOTE: seeds beyond 2^32 are folded so that 1 and 2^32 + 1 still differ.
    let x = (Math.trunc(seed) >>> 0) ^ (Math.trunc(seed / 4294967296) >>> 0);
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** Next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A float in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A standard normal sample (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) {
      throw new ArgumentError(`Random.int: n must be a positive integer, got ${excerpt(n)}`);
    }
    return Math.floor(this.uniform() * n);
  }

  /** A random permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): number[] {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** A new generator whose stream is independent of this one's, drawn from it. */
  fork(): Random {
    return new Random(this.nextUint32() * 4294967296 + this.nextUint32());
  }

  /** The generator's state now, as plain data (`Random.fromState(r.state())` continues where `r` is). */
  state(): RandomState {
    // NOTE: the xors leave signed 32-bit words; >>> 0 gives the unsigned form setState expects.
    return {
      s: [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0],
      spare: this.spare,
    };
  }

  /** Puts the generator back into a state that `state()` returned. */
  setState(state: RandomState): void {
    const s = state?.s;
    if (!Array.isArray(s) || s.length !== 4 || !s.every((v) => Number.isInteger(v) && v >= 0)) {
      throw new ArgumentError(
        `Random.setState: expected { s: four unsigned 32-bit integers, spare }, got ${excerpt(state)}`,
      );
    }
    [this.s0, this.s1, this.s2, this.s3] = s as [number, number, number, number];
    this.spare = state.spare ?? null;
  }

  /** A new generator in a state that `state()` returned. */
  static fromState(state: RandomState): Random {
    const r = new Random(0);
    r.setState(state);
    return r;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
