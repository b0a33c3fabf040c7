import * as fc from 'fast-check';
import { type DType, Tensor, tensor } from '../../lib/index.js';

/** Values that are wrong nearly everywhere: what a caller's bug passes. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    2.5,
    1e308,
    2 ** 31,
    2 ** 53,
    '',
    'x',
    '1',
    'float16',
    true,
    false,
    [],
    {},
    [[]],
    [1, 'a'],
    [Number.NaN],
    { x: 1, y: 2 },
    new Float64Array(3),
    new Int32Array(2),
    () => 1,
  ),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -10, max: 10 }),
  fc.string({ maxLength: 4 }),
  fc.array(fc.integer({ min: -3, max: 6 }), { maxLength: 4 }),
  fc.array(fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom('a', null, Number.NaN)), {
    maxLength: 3,
  }),
);

/** A dtype, or sometimes not one. */
export const dtypeLike: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<DType>('float64', 'float32') },
  { weight: 1, arbitrary: junk },
);

/** Small valid shapes (zero-size dimensions included). */
export const shape: fc.Arbitrary<number[]> = fc.array(fc.integer({ min: 0, max: 4 }), {
  maxLength: 3,
});

/** Shapes that are valid most of the time, and junk otherwise. */
export const shapeLike: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: shape },
  {
    weight: 2,
    arbitrary: fc.array(
      fc.oneof(
        fc.integer({ min: -3, max: 5 }),
        fc.constantFrom(1.5, Number.NaN, 1e10, 2 ** 40, Number.POSITIVE_INFINITY, '2', null),
      ),
      { maxLength: 4 },
    ),
  },
  { weight: 1, arbitrary: junk },
);

/** Element values: mostly ordinary numbers, sometimes the special ones. */
export const element: fc.Arbitrary<number> = fc.oneof(
  { weight: 10, arbitrary: fc.double({ min: -4, max: 4, noNaN: true }) },
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      1e300,
      -1e300,
      1e-320,
    ),
  },
);

/** A tensor of a given shape and dtype with generated values. */
export function tensorOf(
  s: readonly number[],
  dtype: DType,
  values = element,
): fc.Arbitrary<Tensor> {
  const n = s.reduce((a, b) => a * b, 1);
  return fc
    .array(values, { minLength: n, maxLength: n })
    .map((v) => tensor(new Float64Array(v), { shape: s, dtype }));
}

/** Any small tensor: rank 0 to 3, dimensions 0 to 4, either dtype. */
export const anyTensor: fc.Arbitrary<Tensor> = fc
  .tuple(shape, fc.constantFrom<DType>('float64', 'float32'))
  .chain(([s, d]) => tensorOf(s, d));

/** A tensor with ordinary finite values (for oracles that need them). */
export const finiteTensor: fc.Arbitrary<Tensor> = fc
  .tuple(shape, fc.constantFrom<DType>('float64', 'float32'))
  .chain(([s, d]) => tensorOf(s, d, fc.double({ min: -3, max: 3, noNaN: true })));

/** An operand of an elementwise op: a tensor, a number, or junk. */
export const operand: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: anyTensor },
  { weight: 2, arbitrary: element },
  { weight: 1, arbitrary: junk },
);

/** An axis argument: valid small integers (negative too), lists, undefined, or junk. */
export const axisLike: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -4, max: 3 }) },
  { weight: 2, arbitrary: fc.array(fc.integer({ min: -4, max: 3 }), { maxLength: 3 }) },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: junk },
);

/** A tensor whose values are all finite and ordinary, or not a tensor. */
export function isTensor(v: unknown): v is Tensor {
  return v instanceof Tensor;
}
