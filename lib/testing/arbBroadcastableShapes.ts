import * as fc from 'fast-check';
import { type ArbShapeOptions, arbShape, shapeOptions } from './arbShape.js';
import { intOption } from './validate.js';

/** Options of `arbBroadcastableShapes`: those of `arbShape`, and how many shapes. */
export interface ArbBroadcastableShapesOptions extends ArbShapeOptions {
  /** How many shapes. Default 2. */
  count?: number;
}

/**
 * A fast-check arbitrary of `count` shapes that broadcast together (numpy's rules): a common
 * shape (ranks and sizes from the options) of which each operand drops some leading dimensions
 * and has some dimensions set to 1.
 *
 * @example fc.sample(arbBroadcastableShapes(), 1)  // e.g. [[[3, 1, 2], [4, 1]]]
 */
export function arbBroadcastableShapes(
  options: ArbBroadcastableShapesOptions = {},
): fc.Arbitrary<number[][]> {
  const o = shapeOptions(options, 'arbBroadcastableShapes');
  const count = intOption(options.count, 2, 1, 'arbBroadcastableShapes', 'count');
  const drop = fc.oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.nat({ max: o.maxRank }) },
  );
  const ones = fc.array(
    fc.integer({ min: 0, max: 3 }).map((v) => v === 0),
    { minLength: o.maxRank, maxLength: o.maxRank },
  );
  const operand = fc.tuple(drop, ones);
  return fc
    .tuple(arbShape(o), fc.array(operand, { minLength: count, maxLength: count }))
    .map(([common, operands]) =>
      operands.map(([d, one]) =>
        common.slice(Math.min(d, common.length)).map((dim, i) => (one[i] ? 1 : dim)),
      ),
    );
}
