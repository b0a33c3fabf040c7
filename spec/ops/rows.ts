import * as fc from 'fast-check';
import {
  abs,
  add,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  broadcastTo,
  cast,
  clip,
  concat,
  crossEntropy,
  div,
  erf,
  exp,
  expandDims,
  flatten,
  gather,
  gelu,
  identity,
  leakyRelu,
  log,
  logSoftmax,
  logSumExp,
  matmul,
  max,
  maximum,
  mean,
  min,
  minimum,
  mse,
  mul,
  neg,
  nll,
  pow,
  relu,
  reshape,
  sigmoid,
  slice,
  softmax,
  softplus,
  sqrt,
  square,
  squeeze,
  sse,
  stack,
  sub,
  sum,
  type Tensor,
  tanh,
  tensor,
  transpose,
} from '../../lib/index.js';
import type { PrimitiveName } from '../../lib/ops/primitives.js';
import { scatterAdd } from '../../lib/ops/scatterAdd.js';
import { unslice } from '../../lib/ops/unslice.js';
import { arbBroadcastableShapes, arbShape, arbTensor } from '../../lib/testing/index.js';
import {
  arbAxes,
  arbIndices,
  binary,
  type Case,
  dependent,
  grid,
  type Row,
  SMALL,
  unary,
} from './cases.js';
import {
  backpropRow,
  batchNormRow,
  conv2dRow,
  globalAvgPoolRow,
  padRow,
  poolRow,
} from './convCases.js';

const dim = fc.integer({ min: 1, max: 3 });

function matmulCases(): fc.Arbitrary<Case> {
  const variant = fc.constantFrom('plain', 'transA', 'transB', 'transAB', 'vecA', 'vecB', 'vecAB');
  const batches = fc.constantFrom<[number[], number[]]>(
    [[], []],
    [[2], []],
    [[2, 1], [2]],
    [[], [1]],
  );
  return fc.tuple(dim, dim, dim, variant, batches).chain(([m, k, n, v, [ba, bb]]) => {
    const aShape = v.startsWith('vecA')
      ? [k]
      : v === 'transA' || v === 'transAB'
        ? [...ba, k, m]
        : [...ba, m, k];
    const bShape =
      v === 'vecB' || v === 'vecAB'
        ? [k]
        : v === 'transB' || v === 'transAB'
          ? [...bb, n, k]
          : [...bb, k, n];
    const options = {
      transA: v === 'transA' || v === 'transAB',
      transB: v === 'transB' || v === 'transAB',
    };
    return fc
      .tuple(arbTensor({ shape: aShape }), arbTensor({ shape: bShape }))
      .map((xs) => ({ f: (a: Tensor, b: Tensor) => matmul(a, b, options), xs }));
  });
}

function concatCases(): fc.Arbitrary<Case> {
  return fc
    .tuple(
      arbShape({ minRank: 1, maxRank: 3, maxDim: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.nat(),
    )
    .chain(([shape, count, axisSeed]) => {
      const axis = axisSeed % shape.length;
      return fc
        .array(dim, { minLength: count, maxLength: count })
        .chain((sizes) =>
          fc.tuple(
            ...sizes.map((s) => arbTensor({ shape: shape.map((d, i) => (i === axis ? s : d)) })),
          ),
        )
        .map((xs) => ({
          f: (...ts: Tensor[]) => concat(ts, axis - (axisSeed % 2) * shape.length),
          xs,
        }));
    });
}

function sliceFn(x: Tensor): fc.Arbitrary<(x: Tensor) => Tensor> {
  const perAxis = x.shape.map((d) =>
    fc
      .integer({ min: 0, max: d })
      .chain((b) => fc.tuple(fc.constant(b), fc.integer({ min: 0, max: d - b }))),
  );
  return fc.tuple(...perAxis).map(
    (bs) => (t: Tensor) =>
      slice(
        t,
        bs.map(([b]) => b),
        bs.map(([, s]) => s),
      ),
  );
}

function unsliceCases(): fc.Arbitrary<Case> {
  return arbShape({ maxRank: 3, maxDim: 2 }).chain((shape) =>
    fc
      .tuple(
        arbTensor({ shape }),
        fc.tuple(...shape.map(() => fc.integer({ min: 0, max: 2 }))),
        fc.tuple(...shape.map(() => fc.integer({ min: 0, max: 2 }))),
      )
      .map(([x, extra, begin]) => {
        const big = shape.map((d, i) => d + extra[i] + begin[i]);
        return { f: (t: Tensor) => unslice(t, big, begin), xs: [x] };
      }),
  );
}

function gatherCases(): fc.Arbitrary<Case> {
  return arbTensor({ minRank: 1, maxRank: 3, maxDim: 3 }).chain((x) =>
    fc.tuple(arbIndices(x.shape[0], 4), fc.boolean()).map(([idx, asTensor]) => ({
      f: (t: Tensor) => gather(t, asTensor ? tensor(idx, { shape: [2, 2] }) : idx),
      xs: [x],
    })),
  );
}

function scatterAddCases(): fc.Arbitrary<Case> {
  return fc
    .tuple(dim, dim, arbShape({ maxRank: 2, maxDim: 2 }))
    .chain(([count, rows, rest]) =>
      fc
        .tuple(arbTensor({ shape: [count, ...rest] }), arbIndices(rows, count))
        .map(([x, idx]) => ({ f: (t: Tensor) => scatterAdd(t, idx, rows), xs: [x] })),
    );
}

function broadcastToCases(): fc.Arbitrary<Case> {
  return arbBroadcastableShapes(SMALL).chain(([s, t]) => {
    const rank = Math.max(s.length, t.length);
    const target = Array.from({ length: rank }, (_, i) => {
      const a = s[s.length - rank + i] ?? 1;
      const b = t[t.length - rank + i] ?? 1;
      return a === 1 ? b : a;
    });
    return arbTensor({ shape: s }).map((x) => ({
      f: (y: Tensor) => broadcastTo(y, target),
      xs: [x],
    }));
  });
}

// The gradient check of every primitive, against central finite differences. Typed by PrimitiveName:
// a new primitive in lib/ops/primitives.ts does not compile until it has a row here.
export const primitiveRows: Record<PrimitiveName, Row> = {
  add: binary(add),
  sub: binary(sub),
  mul: binary(mul),
  div: binary(div, { operands: [{}, { avoid: [0], margin: 0.3 }] }),
  neg: unary(neg),
  pow: binary((a, b) => add(add(pow(a, b), pow(a, 2.5)), pow(neg(a), 3)), {
    operands: [{ min: 0.2, max: 2 }, {}],
  }),
  exp: unary(exp, { min: -3, max: 3 }),
  log: unary(log, { min: 0.2, max: 3 }),
  sqrt: unary(sqrt, { min: 0.2, max: 3 }),
  abs: unary(abs, { avoid: [0] }),
  square: unary(square),
  maximum: binary(maximum, { elements: grid }),
  minimum: binary(minimum, { elements: grid }),
  clip: unary((x) => add(clip(x, -0.5, 0.5), clip(x, undefined, 1)), { avoid: [-0.5, 0.5, 1] }),
  relu: unary(relu, { avoid: [0] }),
  leakyRelu: unary((x) => leakyRelu(x, 0.1), { avoid: [0] }),
  sigmoid: unary(sigmoid, { min: -4, max: 4 }),
  tanh: unary(tanh, { min: -4, max: 4 }),
  softplus: unary(softplus, { min: -4, max: 4 }),
  erf: unary(erf),
  gelu: unary(gelu, { min: -4, max: 4 }),
  identity: unary(identity),
  // NOTE: the round trip through float32 is exact only to 1e-7, so difference with a wide step.
  cast: { ...unary((x) => mul(cast(x, 'float32'), 3)), options: { eps: 1e-2 } },
  matmul: { cases: matmulCases() },
  sum: dependent({}, (x) =>
    fc.tuple(arbAxes(x.rank), fc.boolean()).map(
      ([axis, keep]) =>
        (t: Tensor) =>
          sum(t, axis, keep),
    ),
  ),
  max: dependent({ distinct: true }, (x) =>
    fc.tuple(arbAxes(x.rank), fc.boolean()).map(
      ([axis, keep]) =>
        (t: Tensor) =>
          max(t, axis, keep),
    ),
  ),
  min: dependent({ distinct: true }, (x) =>
    fc.tuple(arbAxes(x.rank), fc.boolean()).map(
      ([axis, keep]) =>
        (t: Tensor) =>
          min(t, axis, keep),
    ),
  ),
  reshape: dependent({}, (x) =>
    fc
      .constantFrom([...x.shape].reverse(), [-1], [x.size, 1])
      .map((s) => (t: Tensor) => reshape(t, s)),
  ),
  broadcastTo: { cases: broadcastToCases() },
  transpose: dependent({ maxRank: 4, maxDim: 2 }, (x) =>
    fc
      .shuffledSubarray([...x.shape.keys()], { minLength: x.rank, maxLength: x.rank })
      .map((perm) => (t: Tensor) => transpose(t, perm)),
  ),
  concat: { cases: concatCases() },
  slice: dependent({}, sliceFn),
  unslice: { cases: unsliceCases() },
  gather: { cases: gatherCases() },
  scatterAdd: { cases: scatterAddCases() },
  conv2d: conv2dRow(),
  conv2dBackpropInput: backpropRow('input'),
  conv2dBackpropFilter: backpropRow('filter'),
  maxPool2d: poolRow('max'),
};

function dependentPair(
  shape: readonly number[],
  options: { min?: number; max?: number } = {},
): fc.Arbitrary<Tensor[]> {
  // NOTE: targets stay a finite-difference step away from 0 and 1, the edges of the binary
  // cross-entropies' domain (a target outside [0, 1] is an error).
  return fc.tuple(arbTensor({ shape, ...options }), arbTensor({ shape, min: 0.05, max: 0.95 }));
}

function classificationCases(loss: typeof crossEntropy, logProbs: boolean): fc.Arbitrary<Case> {
  return fc.tuple(dim, fc.integer({ min: 2, max: 4 })).chain(([n, c]) =>
    fc
      .tuple(arbTensor({ shape: [n, c] }), arbIndices(c, n), fc.boolean())
      .map(([x, idx, asTensor]) => ({
        f: (t: Tensor) => loss(logProbs ? logSoftmax(t) : t, asTensor ? tensor(idx) : idx),
        xs: [x],
      })),
  );
}

// Composites are differentiated through their primitives; they are checked all the same.
export const compositeRows: Record<string, Row> = {
  mean: dependent({}, (x) =>
    fc.tuple(arbAxes(x.rank), fc.boolean()).map(
      ([axis, keep]) =>
        (t: Tensor) =>
          mean(t, axis, keep),
    ),
  ),
  softmax: dependent({ minRank: 1 }, (x) =>
    fc.integer({ min: -x.rank, max: x.rank - 1 }).map((axis) => (t: Tensor) => softmax(t, axis)),
  ),
  logSoftmax: dependent({ minRank: 1 }, (x) =>
    fc.integer({ min: -x.rank, max: x.rank - 1 }).map((axis) => (t: Tensor) => logSoftmax(t, axis)),
  ),
  logSumExp: dependent({}, (x) =>
    fc.tuple(arbAxes(x.rank), fc.boolean()).map(
      ([axis, keep]) =>
        (t: Tensor) =>
          logSumExp(t, axis, keep),
    ),
  ),
  flatten: dependent({ minRank: 1 }, (x) =>
    fc.integer({ min: 0, max: x.rank - 1 }).map((start) => (t: Tensor) => flatten(t, start)),
  ),
  expandDims: dependent({}, (x) =>
    fc.integer({ min: -x.rank - 1, max: x.rank }).map((axis) => (t: Tensor) => expandDims(t, axis)),
  ),
  squeeze: dependent({ minDim: 1, maxDim: 2 }, () => fc.constant((t: Tensor) => squeeze(t))),
  stack: {
    cases: fc.tuple(arbShape(SMALL), fc.integer({ min: 1, max: 3 })).chain(([shape, count]) =>
      fc
        .tuple(fc.array(arbTensor({ shape }), { minLength: count, maxLength: count }), fc.nat())
        .map(([xs, axisSeed]) => ({
          f: (...ts: Tensor[]) => stack(ts, axisSeed % (shape.length + 1)),
          xs,
        })),
    ),
  },
  mse: {
    cases: arbShape(SMALL).chain((s) => dependentPair(s).map((xs) => ({ f: mse, xs }))),
  },
  sse: {
    cases: arbShape(SMALL).chain((s) => dependentPair(s).map((xs) => ({ f: sse, xs }))),
  },
  binaryCrossEntropy: {
    cases: arbShape(SMALL).chain((s) =>
      dependentPair(s, { min: 0.05, max: 0.95 }).map((xs) => ({ f: binaryCrossEntropy, xs })),
    ),
  },
  // the fused op runs when the target needs no gradient (a constant or a number)
  'binaryCrossEntropy, constant target': {
    cases: arbShape(SMALL).chain((s) =>
      dependentPair(s, { min: 0.05, max: 0.95 }).map(([p, t]) => ({
        f: (x: Tensor) => binaryCrossEntropy(x, cast(t, x.dtype)),
        xs: [p],
      })),
    ),
  },
  'binaryCrossEntropy, number target': {
    cases: fc
      .tuple(
        arbTensor({ ...SMALL, min: 0.05, max: 0.95 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([p, t]) => ({ f: (x: Tensor) => binaryCrossEntropy(x, t), xs: [p] })),
  },
  binaryCrossEntropyWithLogits: {
    cases: arbShape(SMALL).chain((s) =>
      dependentPair(s, { min: -5, max: 5 }).map((xs) => ({ f: binaryCrossEntropyWithLogits, xs })),
    ),
  },
  crossEntropy: { cases: classificationCases(crossEntropy, false) },
  nll: { cases: classificationCases(nll, true) },
  avgPool2d: poolRow('avg'),
  globalAvgPool2d: globalAvgPoolRow(),
  pad: padRow(),
  batchNorm: batchNormRow(),
};
