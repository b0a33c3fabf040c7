import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  erf,
  gelu,
  grad,
  gradGradCheck,
  maximum,
  minimum,
  mul,
  sigmoid,
  softplus,
  sqrt,
  sum,
  type Tensor,
  tanh,
  tensor,
} from '../../lib/index.js';
import { expectClose } from '../core/helpers.js';
import { binary, grid, type Row, runs } from './cases.js';
import { primitiveRows } from './rows.js';

const s = (v: number) => 1 / (1 + Math.exp(-v));
const density = (v: number) => Math.exp((-v * v) / 2) / Math.sqrt(2 * Math.PI);

/** f'' of Σf(x) at each point, by nesting grad. */
function second(f: (x: Tensor) => Tensor, xs: number[]): Tensor {
  const d1 = grad((x: Tensor) => sum(f(x)));
  return grad((x: Tensor) => sum(d1(x)))(tensor(xs));
}

describe('second derivatives: grad(grad(f)) at known points', () => {
  const xs = [-1.5, 0.2, 2];
  it('x·σ(x): σ(1 − σ)(2 + x(1 − 2σ))', () => {
    expectClose(
      second((x) => mul(x, sigmoid(x)), xs),
      xs.map((v) => s(v) * (1 - s(v)) * (2 + v * (1 - 2 * s(v)))),
      1e-14,
    );
  });

  it('softplus: σ(1 − σ); tanh: −2·tanh·(1 − tanh²)', () => {
    expectClose(
      second(softplus, xs),
      xs.map((v) => s(v) * (1 - s(v))),
      1e-15,
    );
    expectClose(
      second(tanh, xs),
      xs.map((v) => -2 * Math.tanh(v) * (1 - Math.tanh(v) ** 2)),
      1e-15,
    );
  });

  it('gelu: φ(x)(2 − x²); erf: −(4x/√π)·e^(−x²); √x: −1/(4x^1.5)', () => {
    expectClose(
      second(gelu, xs),
      xs.map((v) => density(v) * (2 - v * v)),
      1e-14,
    );
    expectClose(
      second(erf, xs),
      xs.map((v) => ((-4 * v) / Math.sqrt(Math.PI)) * Math.exp(-v * v)),
      1e-14,
    );
    expectClose(second(sqrt, [0.25, 4]), [-1 / (4 * 0.125), -1 / (4 * 8)], 1e-14);
  });

  it('backward({ createGraph: true }) twice gives the same second derivative', () => {
    const x = tensor([0.7], { requiresGrad: true });
    sum(tanh(x)).backward({ createGraph: true });
    const g = x.grad!;
    x.zeroGrad();
    g.backward();
    const t = Math.tanh(0.7);
    expectClose(x.grad!, [-2 * t * (1 - t * t)], 1e-15);
  });
});

// Every primitive, squared so that even linear ops have a second derivative: this runs the
// backward of each backward (unslice for slice, gather for scatterAdd, ...). Ties of maximum and
// minimum are kinks of the gradient, so their operands are kept apart here.
const apart = grid.map((v) => v + 0.05);
const secondOrderRows: Record<string, Row> = {
  ...primitiveRows,
  maximum: binary(maximum, { operands: [{ elements: grid }, { elements: apart }] }),
  minimum: binary(minimum, { operands: [{ elements: grid }, { elements: apart }] }),
};

describe('second derivatives of every primitive match finite differences of its gradient (property)', () => {
  for (const [name, row] of Object.entries(secondOrderRows)) {
    it(name, () => {
      fc.assert(
        fc.property(row.cases, ({ f, xs }) => {
          const squared = (...ts: Tensor[]) => {
            const y = f(...ts);
            return mul(y, y);
          };
          const report = gradGradCheck(squared, xs, { ...row.options, throwOnFailure: true });
          expect(report.passed).toBe(true);
        }),
        { numRuns: runs(6) },
      );
    });
  }
});
