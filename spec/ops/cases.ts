import * as fc from 'fast-check';
import type { GradCheckOptions, Tensor } from '../../lib/index.js';
import {
  type ArbBroadcastableTensorsOptions,
  type ArbTensorOptions,
  arbBroadcastableTensors,
  arbTensor,
} from '../../lib/testing/index.js';

/** One gradient check: a function and the tensors it is differentiated at. */
export interface Case {
  readonly f: (...xs: Tensor[]) => Tensor;
  readonly xs: Tensor[];
}

/** A row of a gradient-check table: generated cases, and gradCheck options if the defaults do not fit. */
export interface Row {
  readonly cases: fc.Arbitrary<Case>;
  readonly options?: GradCheckOptions;
}

/** Small tensors: gradient checks are element by element. */
export const SMALL = { maxRank: 3, maxDim: 3 } as const;

/** A row for a function of one generated tensor. */
export function unary(f: (x: Tensor) => Tensor, options: ArbTensorOptions = {}): Row {
  return { cases: arbTensor({ ...SMALL, ...options }).map((x) => ({ f, xs: [x] })) };
}

/** A row for a function of two generated tensors whose shapes broadcast together. */
export function binary(
  f: (a: Tensor, b: Tensor) => Tensor,
  options: ArbBroadcastableTensorsOptions = {},
): Row {
  return {
    cases: arbBroadcastableTensors({ ...SMALL, ...options }).map((xs) => ({
      f: (a: Tensor, b: Tensor) => f(a, b),
      xs,
    })),
  };
}

/** A row whose function depends on the generated tensor (axes, indices, shapes drawn from it). */
export function dependent(
  tensorOptions: ArbTensorOptions,
  make: (x: Tensor) => fc.Arbitrary<(x: Tensor) => Tensor>,
): Row {
  return {
    cases: arbTensor({ ...SMALL, ...tensorOptions }).chain((x) =>
      make(x).map((f) => ({ f: (t: Tensor) => f(t), xs: [x] })),
    ),
  };
}

/** A set of distinct axes of a tensor of `rank` (possibly written negative), or undefined for all. */
export function arbAxes(rank: number): fc.Arbitrary<number | number[] | undefined> {
  const axes = Array.from({ length: rank }, (_, i) => i);
  return fc.oneof(
    fc.constant(undefined),
    fc
      .tuple(fc.subarray(axes), fc.boolean())
      .map(([list, negative]) => (negative ? list.map((a) => a - rank) : list)),
    ...(rank > 0 ? [fc.integer({ min: -rank, max: rank - 1 })] : []),
  );
}

/** Integer indices in [0, n), `count` of them (repeats allowed). */
export function arbIndices(n: number, count: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: count, maxLength: count });
}

/** Values on a grid of tenths, so that ties are exact and never within a finite-difference step. */
export const grid = fc.integer({ min: -20, max: 20 }).map((k) => k / 10);

/** Runs per property: modest by default; RXGRAD_PROPERTY_RUNS=1000 hunts for rare failures. */
export function runs(n: number): number {
  return Number(process.env.RXGRAD_PROPERTY_RUNS ?? n);
}
