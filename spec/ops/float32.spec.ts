import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cast, gradCheck, matmul, randn, sum, tanh } from '../../lib/index.js';
import { runs } from './cases.js';
import { compositeRows, primitiveRows } from './rows.js';

// Float32 is not checked with finite differences (its rounding would swamp them): gradCheck
// differences a float64 copy, and compares the float32 gradient with the float64 gradient of
// the same graph (the twin), within float32 tolerances.
describe('float32 gradients match their float64 twin, for every op (property)', () => {
  for (const [name, row] of Object.entries({ ...primitiveRows, ...compositeRows })) {
    it(name, () => {
      fc.assert(
        fc.property(row.cases, ({ f, xs }) => {
          const x32 = xs.map((x) => cast(x, 'float32'));
          const report = gradCheck(f, x32, { ...row.options, throwOnFailure: true });
          for (const r of report.inputs) {
            expect(r.dtype).toBe('float32');
            expect(r.float32?.passed).toBe(true);
          }
        }),
        { numRuns: runs(8) },
      );
    });
  }
});

describe('a float32 network layer', () => {
  it('has the dtype float32 throughout, and gradients within float32 rounding of float64', () => {
    const x = randn([16, 8], { dtype: 'float32', seed: 1 });
    const w = randn([8, 4], { dtype: 'float32', seed: 2, requiresGrad: true });
    const y = sum(tanh(matmul(x, w)));
    expect(y.dtype).toBe('float32');
    y.backward();
    expect(w.grad?.dtype).toBe('float32');
    const report = gradCheck((a, b) => sum(tanh(matmul(a, b))), [x, w.detach()]);
    expect(report.passed).toBe(true);
    expect(report.inputs[1].float32!.maxAbsError).toBeLessThan(1e-5);
  });
});
