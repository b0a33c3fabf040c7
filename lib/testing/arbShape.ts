import * as fc from 'fast-check';
import { ArgumentError, excerpt } from '../core/index.js';
import { intOption } from './validate.js';

/** Options of `arbShape`: the range of ranks and of dimension sizes. */
export interface ArbShapeOptions {
  /** Exactly this many dimensions (instead of minRank/maxRank). */
  rank?: number;
  /** Fewest dimensions. Default 0 (a scalar). */
  minRank?: number;
  /** Most dimensions (at most 8). Default 3. */
  maxRank?: number;
  /** Smallest size of a dimension. Default 1. */
  minDim?: number;
  /** Largest size of a dimension. Default 4. */
  maxDim?: number;
}

type ShapeSettings = Required<Omit<ArbShapeOptions, 'rank'>>;

/** The validated shape options, with defaults. */
export function shapeOptions(options: ArbShapeOptions, where: string): ShapeSettings {
  if (options === null || typeof options !== 'object')
    throw new ArgumentError(`${where}: options must be an object, got ${excerpt(options)}`);
  if (options.rank !== undefined) {
    if (options.minRank !== undefined || options.maxRank !== undefined)
      throw new ArgumentError(`${where}: give either rank or minRank/maxRank, not both`);
    const rank = intOption(options.rank, 0, 0, where, 'rank');
    return shapeOptions({ ...options, rank: undefined, minRank: rank, maxRank: rank }, where);
  }
  const minRank = intOption(options.minRank, 0, 0, where, 'minRank');
  const maxRank = intOption(
    options.maxRank,
    Math.max(3, minRank),
    minRank,
    where,
    'maxRank',
    `minRank (${minRank})`,
  );
  if (maxRank > 8)
    throw new ArgumentError(`${where}: maxRank must be at most 8, got ${excerpt(maxRank)}`);
  const minDim = intOption(options.minDim, 1, 0, where, 'minDim');
  const maxDim = intOption(
    options.maxDim,
    Math.max(4, minDim),
    minDim,
    where,
    'maxDim',
    `minDim (${minDim})`,
  );
  return { minRank, maxRank, minDim, maxDim };
}

/**
 * A fast-check arbitrary of tensor shapes (lists of dimensions).
 *
 * @example fc.sample(arbShape({ maxRank: 2, maxDim: 3 }), 3)  // e.g. [[2], [], [3, 1]]
 */
export function arbShape(options: ArbShapeOptions = {}): fc.Arbitrary<number[]> {
  const o = shapeOptions(options, 'arbShape');
  return fc.array(fc.integer({ min: o.minDim, max: o.maxDim }), {
    minLength: o.minRank,
    maxLength: o.maxRank,
  });
}
