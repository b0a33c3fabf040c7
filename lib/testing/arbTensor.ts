import * as fc from 'fast-check';
import { type Tensor, tensor } from '../autograd/index.js';
import {
  ArgumentError,
  checkDType,
  checkShape,
  type DType,
  excerpt,
  sizeOf,
} from '../core/index.js';
import { type ArbShapeOptions, arbShape, shapeOptions } from './arbShape.js';
import { numberOption } from './validate.js';

/** How the values of a generated tensor are drawn. */
export interface ArbValueOptions {
  /** `'float64'` (default) or `'float32'`. */
  dtype?: DType;
  /** Smallest value. Default −2. */
  min?: number;
  /** Largest value. Default 2. */
  max?: number;
  /** Points to keep away from (kinks such as relu's 0, poles such as 1/x's 0), by `margin`. */
  avoid?: readonly number[];
  /** Distance kept from `avoid` and, with `distinct`, between elements. Default 0.05. */
  margin?: number;
  /** Keep every two elements at least `margin` apart (no ties, e.g. for max); not with avoid or elements. Default false. */
  distinct?: boolean;
  /** Draw elements from this arbitrary instead (min, max, avoid are then not used). */
  elements?: fc.Arbitrary<number>;
  /** Mark the generated tensors as requiring grad. Default false. */
  requiresGrad?: boolean;
}

export interface ArbTensorOptions extends ArbShapeOptions, ArbValueOptions {
  /** A fixed shape; otherwise shapes come from rank (or minRank, maxRank), minDim, maxDim. */
  shape?: readonly number[];
}

interface Values {
  dtype: DType;
  min: number;
  max: number;
  avoid: readonly number[];
  margin: number;
  distinct: boolean;
  elements: fc.Arbitrary<number> | undefined;
  requiresGrad: boolean;
}

/** The validated value options, with defaults. */
export function valueOptions(options: ArbValueOptions, where: string): Values {
  const dtype = checkDType(options.dtype ?? 'float64', where);
  const min = numberOption(options.min, -2, where, 'min');
  const max = numberOption(options.max, 2, where, 'max');
  if (!(min < max))
    throw new ArgumentError(`${where}: min must be less than max, got min=${min}, max=${max}`);
  const margin = numberOption(options.margin, 0.05, where, 'margin');
  if (!(margin > 0))
    throw new ArgumentError(`${where}: margin must be positive, got ${excerpt(margin)}`);
  const avoid = options.avoid ?? [];
  if (!Array.isArray(avoid) || !avoid.every((p) => typeof p === 'number' && Number.isFinite(p)))
    throw new ArgumentError(
      `${where}: avoid must be a list of finite numbers, got ${excerpt(avoid)}`,
    );
  if (avoid.length > 0 && 2 * margin >= max - min)
    throw new ArgumentError(
      `${where}: margin ${margin} leaves no room in [${min}, ${max}] around the avoided points`,
    );
  const { elements } = options;
  if (options.distinct && (avoid.length > 0 || elements !== undefined))
    throw new ArgumentError(`${where}: distinct cannot be combined with avoid or elements`);
  if (elements !== undefined && !(elements instanceof fc.Arbitrary))
    throw new ArgumentError(`${where}: elements must be a fast-check Arbitrary<number>`);
  return {
    dtype,
    min,
    max,
    avoid,
    margin,
    distinct: options.distinct ?? false,
    elements,
    requiresGrad: options.requiresGrad ?? false,
  };
}

/** Moves a value that lies within `margin` of an avoided point to that distance, staying in range. */
function keepAway(v: number, o: Values): number {
  for (const p of o.avoid) {
    if (Math.abs(v - p) < o.margin) {
      const up = p + o.margin;
      const down = p - o.margin;
      v = (v >= p && up <= o.max) || down < o.min ? up : down;
    }
  }
  return v;
}

/** An arbitrary of `n` values drawn as the options say. */
export function arbValues(n: number, o: Values, where: string): fc.Arbitrary<number[]> {
  const round = o.dtype === 'float32' ? Math.fround : (v: number) => v;
  if (o.distinct) {
    // Distinct slots of width 2·margin, a value inside the first half of each: any two values
    // are at least `margin` apart.
    const slots = Math.floor((o.max - o.min) / (2 * o.margin));
    if (n > slots) {
      throw new ArgumentError(
        `${where}: ${n} distinct values ${o.margin} apart do not fit in [${o.min}, ${o.max}]; widen the range or lower margin`,
      );
    }
    const offsets = fc.array(fc.double({ min: 0, max: o.margin, noNaN: true }), {
      minLength: n,
      maxLength: n,
    });
    return fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 0, max: slots - 1 }), { minLength: n, maxLength: n }),
        offsets,
      )
      .map(([s, u]) => s.map((slot, i) => round(o.min + 2 * o.margin * slot + u[i])));
  }
  const element =
    o.elements ??
    fc
      .double({ min: o.min, max: o.max, noNaN: true, noDefaultInfinity: true })
      .map((v) => keepAway(v, o));
  return fc.array(element.map(round), { minLength: n, maxLength: n });
}

/** The tensor of `shape` holding `values`. */
export function toTensorOf(values: number[], shape: readonly number[], o: Values): Tensor {
  return tensor(Float64Array.from(values), {
    shape,
    dtype: o.dtype,
    requiresGrad: o.requiresGrad,
  });
}

/**
 * A fast-check arbitrary of tensors: a fixed `shape` or generated ones, values in [min, max]
 * (never NaN or infinite) kept `margin` away from the `avoid` points, float64 or float32.
 *
 * @example
 * fc.assert(fc.property(arbTensor({ min: 0.1, max: 3 }), (x) => {
 *   expectGradientsMatch((t) => sum(log(t)), [x]);
 * }));
 */
export function arbTensor(options: ArbTensorOptions = {}): fc.Arbitrary<Tensor> {
  const where = 'arbTensor';
  const values = valueOptions(options, where);
  if (options.shape !== undefined) {
    const given = ['rank', 'minRank', 'maxRank', 'minDim', 'maxDim'].filter(
      (k) => options[k as keyof ArbShapeOptions] !== undefined,
    );
    if (given.length > 0)
      throw new ArgumentError(`${where}: give either shape or ${given.join('/')}, not both`);
    const shape = checkShape(options.shape, where);
    return arbValues(sizeOf(shape), values, where).map((v) => toTensorOf(v, shape, values));
  }
  const o = shapeOptions(options, where);
  if (values.distinct) arbValues(o.maxDim ** o.maxRank, values, where);
  return arbShape(o).chain((shape) =>
    arbValues(sizeOf(shape), values, where).map((v) => toTensorOf(v, shape, values)),
  );
}
