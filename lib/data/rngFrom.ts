import { ArgumentError, excerpt, Random } from '../core/index.js';

/** Where a data function takes its randomness from: a seed, or a generator whose state advances. */
export interface SeedOptions {
  /** Seed of a fresh generator. Default 0 (results are always reproducible). */
  seed?: number;
  /** Draw from this generator instead (a trainer passes its own so it can be checkpointed). */
  rng?: Random;
}

/** The generator `options` ask for; an `ArgumentError` naming `where` if both or neither fits. */
export function rngFrom(options: SeedOptions, where: string): Random {
  if (options.rng !== undefined && options.seed !== undefined) {
    throw new ArgumentError(`${where}: pass either seed or rng, not both; got both`);
  }
  if (options.rng !== undefined) {
    if (!(options.rng instanceof Random)) {
      throw new ArgumentError(`${where}: rng must be a Random, got ${typeof options.rng}`);
    }
    return options.rng;
  }
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new ArgumentError(`${where}: seed must be a finite number, got ${excerpt(seed)}`);
  }
  return new Random(seed);
}
