import { describe, expect, it } from 'vitest';
import { fromOp } from '../../lib/autograd/index.js';
import { GradError, mul, sum, type Tensor, tanh, tensor } from '../../lib/index.js';
import { expectGradientsMatch } from '../../lib/testing/index.js';
import { thrown } from '../core/helpers.js';

describe('expectGradientsMatch', () => {
  it('returns the passing report', () => {
    const report = expectGradientsMatch((x) => sum(tanh(x)), [tensor([0.1, -0.4])]);
    expect(report.passed).toBe(true);
  });

  it('throws a GradError naming the input and the worst element when a gradient is wrong', () => {
    const half = (x: Tensor) =>
      fromOp(
        'half',
        x.data.map((v) => v * v),
        x.shape,
        [x],
        (g) => [mul(g, x)],
      );
    const e = thrown(() =>
      expectGradientsMatch((a, b) => sum(mul(a, half(b))), [tensor([1]), tensor([2, 3])]),
    );
    expect(e).toBeInstanceOf(GradError);
    expect(e.message).toMatch(
      /^gradCheck: gradient of input 1 \(shape \[2\], float64\) does not match finite differences: worst at \[1\]/,
    );
  });
});
