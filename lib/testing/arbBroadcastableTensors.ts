import * as fc from 'fast-check';
import type { Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt, sizeOf } from '../core/index.js';
import {
  type ArbBroadcastableShapesOptions,
  arbBroadcastableShapes,
} from './arbBroadcastableShapes.js';
import { type ArbValueOptions, arbValues, toTensorOf, valueOptions } from './arbTensor.js';

export interface ArbBroadcastableTensorsOptions
  extends ArbBroadcastableShapesOptions,
    ArbValueOptions {
  /** Value options per operand (overriding the shared ones), e.g. a divisor kept away from 0. */
  operands?: readonly ArbValueOptions[];
}

/**
 * A fast-check arbitrary of `count` tensors (default 2) whose shapes broadcast together: the
 * inputs of a binary op, in one line.
 *
 * @example
 * fc.assert(fc.property(arbBroadcastableTensors(), ([a, b]) => {
 *   expectGradientsMatch((x, y) => sum(mul(x, y)), [a, b]);
 * }));
 */
export function arbBroadcastableTensors(
  options: ArbBroadcastableTensorsOptions = {},
): fc.Arbitrary<Tensor[]> {
  const where = 'arbBroadcastableTensors';
  const { operands = [], ...shared } = options;
  const count = options.count ?? 2;
  if (!Array.isArray(operands) || operands.length > count)
    throw new ArgumentError(
      `${where}: operands must be a list of at most count (${count}) option objects, got ${excerpt(operands)}`,
    );
  const values = Array.from({ length: count }, (_, i) =>
    valueOptions({ ...shared, ...(operands[i] ?? {}) }, `${where} (operand ${i})`),
  );
  return arbBroadcastableShapes(options).chain((shapes) =>
    fc.tuple(
      ...shapes.map((shape, i) =>
        arbValues(sizeOf(shape), values[i], where).map((v) => toTensorOf(v, shape, values[i])),
      ),
    ),
  );
}
