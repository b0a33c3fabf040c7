import * as fc from 'fast-check';
import {
  avgPool2d,
  batchNorm,
  type Conv2dOptions,
  conv2d,
  globalAvgPool2d,
  maxPool2d,
  pad,
  type Tensor,
  tensor,
} from '../../lib/index.js';
import { conv2dBackpropFilter } from '../../lib/ops/conv2dBackpropFilter.js';
import { conv2dBackpropInput } from '../../lib/ops/conv2dBackpropInput.js';
import { conv2dGeometry } from '../../lib/ops/conv2dGeometry.js';
import { arbTensor } from '../../lib/testing/index.js';
import type { Case, Row } from './cases.js';

// Gradient-check cases of the convolution family: small NCHW shapes with every option drawn
// (stride, padding of each form, dilation, groups, bias), so the element-by-element checks stay fast.

interface ConvSetup {
  xShape: number[];
  wShape: number[];
  options: Conv2dOptions;
  withBias: boolean;
}

const small = fc.integer({ min: 1, max: 2 });

function arbConvSetup(): fc.Arbitrary<ConvSetup> {
  return fc
    .record({
      n: small,
      groups: small,
      cg: small,
      og: small,
      kh: fc.integer({ min: 1, max: 3 }),
      kw: fc.integer({ min: 1, max: 3 }),
      stride: fc.tuple(small, small),
      dilation: fc.tuple(small, small),
      extra: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
      padding: fc.oneof(
        fc.integer({ min: 0, max: 2 }),
        fc.constant('same' as const),
        fc.tuple(fc.tuple(fc.nat(2), fc.nat(2)), fc.tuple(fc.nat(2), fc.nat(2))),
      ),
      withBias: fc.boolean(),
    })
    .map((r) => {
      const same = r.padding === 'same';
      const options: Conv2dOptions = {
        stride: same ? 1 : r.stride,
        dilation: r.dilation,
        padding: r.padding,
        groups: r.groups,
      };
      const h = r.dilation[0] * (r.kh - 1) + 1 + r.extra[0];
      const w = r.dilation[1] * (r.kw - 1) + 1 + r.extra[1];
      return {
        xShape: [r.n, r.cg * r.groups, h, w],
        wShape: [r.og * r.groups, r.cg, r.kh, r.kw],
        options,
        withBias: r.withBias,
      };
    });
}

/** conv2d(x, w[, b]) with every option drawn. */
export function conv2dRow(): Row {
  return {
    cases: arbConvSetup().chain((s) =>
      fc
        .tuple(
          arbTensor({ shape: s.xShape }),
          arbTensor({ shape: s.wShape }),
          arbTensor({ shape: [s.wShape[0]] }),
        )
        .map(
          ([x, w, b]): Case =>
            s.withBias
              ? { f: (a, k, c) => conv2d(a, k, { ...s.options, bias: c }), xs: [x, w, b] }
              : { f: (a, k) => conv2d(a, k, s.options), xs: [x, w] },
        ),
    ),
  };
}

/** conv2dBackpropInput(dy, w) and conv2dBackpropFilter(x, dy) on the geometry of a drawn conv2d. */
export function backpropRow(which: 'input' | 'filter'): Row {
  return {
    cases: arbConvSetup().chain((s) => {
      const g = conv2dGeometry(s.xShape, s.wShape, s.options);
      const yShape = [g.n, g.o, g.oh, g.ow];
      return which === 'input'
        ? fc
            .tuple(arbTensor({ shape: yShape }), arbTensor({ shape: s.wShape }))
            .map((xs): Case => ({ f: (dy, w) => conv2dBackpropInput(dy, w, g), xs }))
        : fc
            .tuple(arbTensor({ shape: s.xShape }), arbTensor({ shape: yShape }))
            .map((xs): Case => ({ f: (x, dy) => conv2dBackpropFilter(x, dy, g), xs }));
    }),
  };
}

const poolSetup = fc.record({
  n: small,
  c: small,
  k: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
  stride: fc.option(fc.tuple(small, small), { nil: undefined }),
  pad: fc.tuple(fc.nat(1), fc.nat(1)),
  extra: fc.tuple(fc.nat(3), fc.nat(3)),
});

/** A pooling op of a drawn window (padding at most half the kernel). */
export function poolRow(kind: 'max' | 'avg'): Row {
  return {
    cases: fc.tuple(poolSetup, fc.boolean()).chain(([p, includePad]) => {
      const padding: [number, number] = [
        Math.min(p.pad[0], Math.floor(p.k[0] / 2)),
        Math.min(p.pad[1], Math.floor(p.k[1] / 2)),
      ];
      const shape = [p.n, p.c, p.k[0] + p.extra[0], p.k[1] + p.extra[1]];
      // max: distinct values, so that no tie sits within a finite-difference step
      const values = kind === 'max' ? { distinct: true, margin: 0.01 } : {};
      return arbTensor({ shape, ...values }).map(
        (x): Case => ({
          f: (t) =>
            kind === 'max'
              ? maxPool2d(t, p.k, { stride: p.stride, padding })
              : avgPool2d(t, p.k, { stride: p.stride, padding, countIncludePad: includePad }),
          xs: [x],
        }),
      );
    }),
  };
}

/** globalAvgPool2d of a small NCHW tensor. */
export function globalAvgPoolRow(): Row {
  return {
    cases: fc
      .tuple(small, small, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain((shape) => arbTensor({ shape }).map((x): Case => ({ f: globalAvgPool2d, xs: [x] }))),
  };
}

/** pad with drawn widths (one pair per axis) and value. */
export function padRow(): Row {
  return {
    cases: arbTensor({ minRank: 1, maxRank: 3, maxDim: 3 }).chain((x) =>
      fc
        .tuple(
          fc.array(fc.tuple(fc.nat(2), fc.nat(2)), { minLength: x.rank, maxLength: x.rank }),
          fc.constantFrom(0, 1.5),
        )
        .map(([widths, value]): Case => ({ f: (t) => pad(t, widths, value), xs: [x] })),
    ),
  };
}

/**
 * batchNorm in training (gradients through the batch statistics) and in evaluation, on
 * [N, C], [N, C, L] and [N, C, H, W], with and without γ and β.
 */
export function batchNormRow(): Row {
  return {
    cases: fc
      .record({
        n: fc.integer({ min: 2, max: 3 }),
        c: small,
        rest: fc.constantFrom<number[]>([], [2], [2, 2], [1, 3]),
        training: fc.boolean(),
        affine: fc.boolean(),
      })
      .chain((r) => {
        const shape = [r.n, r.c, ...r.rest];
        return fc
          .tuple(
            arbTensor({ shape }),
            arbTensor({ shape: [r.c], min: 0.5, max: 1.5 }),
            arbTensor({ shape: [r.c] }),
          )
          .map(([x, w, b]): Case => {
            const stats = () => ({
              runningMean: tensor(Array.from({ length: r.c }, (_, i) => 0.1 * i)),
              runningVar: tensor(Array.from({ length: r.c }, (_, i) => 1 + 0.5 * i)),
            });
            const norm = (t: Tensor, weight?: Tensor, bias?: Tensor) =>
              batchNorm(t, { ...stats(), weight, bias, training: r.training, eps: 1e-3 });
            return r.affine ? { f: norm, xs: [x, w, b] } : { f: (t) => norm(t), xs: [x] };
          });
      }),
  };
}
