import { describe, expect, it } from 'vitest';
import { fromOp } from '../../lib/autograd/index.js';
import {
  ArgumentError,
  add,
  exp,
  GradError,
  gradCheck,
  gradGradCheck,
  matmul,
  mul,
  randn,
  reshape,
  square,
  sum,
  Tensor,
  tanh,
  tensor,
} from '../../lib/index.js';
import { expectError, thrown } from '../core/helpers.js';

/** x² with a deliberately wrong gradient: g·x instead of 2g·x. */
function wrongSquare(x: Tensor): Tensor {
  const out = x.data.map((v) => v * v);
  return fromOp('wrongSquare', out, x.shape, [x], (g) => [mul(g, x)]);
}

/** x³ whose first derivative is right but computed as a constant: its second derivative is lost. */
function flatCube(x: Tensor): Tensor {
  const out = x.data.map((v) => v * v * v);
  return fromOp('flatCube', out, x.shape, [x], (g) => [
    mul(
      g,
      new Tensor(
        x.data.map((v) => 3 * v * v),
        x.shape,
      ),
    ),
  ]);
}

/** 2x whose gradient is 1% off, in float32 only. */
function float32Drift(x: Tensor): Tensor {
  const out = x.data.map((v) => 2 * v);
  return fromOp('float32Drift', out, x.shape, [x], (g) => [
    mul(g, g.dtype === 'float32' ? 2.02 : 2),
  ]);
}

describe('gradCheck', () => {
  it('passes correct gradients and reports the error per input', () => {
    const x = randn([3, 4], { seed: 1 });
    const w = randn([4, 2], { seed: 2 });
    const report = gradCheck((a, b) => tanh(matmul(a, b)), [x, w]);
    expect(report.passed).toBe(true);
    expect(report.mode).toBe('full');
    expect(report.message).toBe('');
    expect(report.inputs.map((r) => [r.input, r.shape, r.dtype, r.passed])).toEqual([
      [0, [3, 4], 'float64', true],
      [1, [4, 2], 'float64', true],
    ]);
    for (const r of report.inputs) {
      expect(r.maxAbsError).toBeLessThan(1e-8);
      expect(r.maxRelError).toBeLessThan(1e-5);
    }
  });

  it('negative control: a deliberately wrong gradient fails, naming the input and the worst element', () => {
    const report = gradCheck((a) => sum(wrongSquare(a)), [tensor([1, 2, 3])]);
    expect(report.passed).toBe(false);
    const r = report.inputs[0];
    expect(r.passed).toBe(false);
    expect(r.worst?.at).toBe('[2]');
    expect(r.worst?.analytic).toBe(3);
    expect(r.worst?.expected).toBeCloseTo(6, 6);
    expect(r.maxAbsError).toBeCloseTo(3, 6);
    const n = '[\\d.e+-]+';
    expect(report.message).toMatch(
      new RegExp(
        `^gradCheck: gradient of input 0 \\(shape \\[3\\], float64\\) does not match finite differences: worst at \\[2\\]: analytic 3, numeric ${n} \\(abs error ${n}, max rel error ${n}; tolerance 0\\.00001 \\+ 0\\.001·\\|numeric\\|\\)$`,
      ),
    );
  });

  it('the negative control also fails for a non-scalar output (checked through a cotangent)', () => {
    expect(
      gradCheck(wrongSquare, [
        tensor([
          [1, -2],
          [0.5, 3],
        ]),
      ]).passed,
    ).toBe(false);
    expect(
      gradCheck(
        (a) => mul(a, a),
        [
          tensor([
            [1, -2],
            [0.5, 3],
          ]),
        ],
      ).passed,
    ).toBe(true);
  });

  it('throwOnFailure throws a GradError carrying the message', () => {
    const report = gradCheck((a) => sum(wrongSquare(a)), [tensor([1, 2, 3])]);
    const e = thrown(() =>
      gradCheck((a) => sum(wrongSquare(a)), [tensor([1, 2, 3])], { throwOnFailure: true }),
    );
    expect(e).toBeInstanceOf(GradError);
    expect(e.message).toBe(report.message);
  });

  it("vjp mode (JAX's check_vjp) checks big tensors with a few directions", () => {
    const x = randn([40, 30], { seed: 3 });
    const w = randn([30, 20], { seed: 4 });
    const report = gradCheck((a, b) => tanh(matmul(a, b)), [x, w], { mode: 'vjp' });
    expect(report.mode).toBe('vjp');
    expect(report.passed).toBe(true);
    const bad = gradCheck((a) => sum(wrongSquare(a)), [randn([50, 50], { seed: 5 })]);
    expect(bad.mode).toBe('vjp'); // auto: 2500 elements is above maxFullElements
    expect(bad.passed).toBe(false);
    expect(bad.inputs[0].worst?.at).toMatch(/^direction \d$/);
  });

  it('auto mode checks element by element up to maxFullElements', () => {
    expect(gradCheck((a) => sum(exp(a)), [randn([10])], { maxFullElements: 10 }).mode).toBe('full');
    expect(gradCheck((a) => sum(exp(a)), [randn([11])], { maxFullElements: 10 }).mode).toBe('vjp');
  });

  it('checks float32 inputs through float64 copies and against the float64 twin', () => {
    const x = randn([5], { dtype: 'float32', seed: 6 });
    const report = gradCheck((a) => tanh(mul(a, a)), [x]);
    expect(report.passed).toBe(true);
    expect(report.inputs[0].dtype).toBe('float32');
    expect(report.inputs[0].float32?.passed).toBe(true);
    expect(report.inputs[0].float32?.maxAbsError).toBeLessThan(1e-5);
    const drift = gradCheck(float32Drift, [x]);
    expect(drift.passed).toBe(false);
    expect(drift.inputs[0].float32?.passed).toBe(false);
    expect(drift.message).toMatch(
      /^gradCheck: float32 gradient of input 0 \(shape \[5\], float32\) differs from its float64 twin: worst at \[\d\]: float32 .*, float64 .* \(tolerance 0\.0001 \+ 0\.001·\|float64\|\)$/,
    );
  });

  // NOTE: this used to pass with analytic 0 = numeric 0 (issue 12): a check that cannot fail.
  it('refuses an input that has no effect on the output: its check could not fail', () => {
    expectError(
      () => gradCheck((a, _b) => sum(exp(a)), [tensor([1]), tensor([2, 3])]),
      GradError,
      "gradCheck: input 1 (shape [2]) has no effect on f's output, so its check could not fail: expected f to compute with the tensors passed (its arguments, or a closure over them such as a Module's parameters), got no recorded op that uses it and no change when it moves; argnums can leave it out",
    );
    // argnums leaves it out; an input whose gradient is zero but which is used still passes
    expect(
      gradCheck((a, _b) => sum(exp(a)), [tensor([1]), tensor([2, 3])], { argnums: 0 }).passed,
    ).toBe(true);
    expect(gradCheck((a) => sum(mul(a, 0)), [tensor([1, 2])]).passed).toBe(true);
  });

  it('perturbs the inputs themselves, so a closure over them is checked (and can fail)', () => {
    const w = tensor([0.5, -1, 2], { requiresGrad: true });
    const b = tensor([0.3], { requiresGrad: true });
    const x = tensor([
      [1, 2, 3],
      [-1, 0.5, 2],
    ]);
    const loss = () => sum(tanh(add(matmul(x, reshape(w, [3, 1])), b)));
    const report = gradCheck(loss, [w, b]);
    expect(report.passed).toBe(true);
    expect(report.inputs[0].maxAbsError).toBeLessThan(1e-8);
    // the negative control through a closure: it sees the perturbation, so a wrong gradient fails
    expect(gradCheck(() => sum(wrongSquare(w)), [w]).passed).toBe(false);
    // copies of the tensors the closure uses have no effect on it: refused, not passed
    expect(thrown(() => gradCheck(loss, [tensor(w.data), tensor(b.data)]))).toBeInstanceOf(
      GradError,
    );
    // views that share their values (detach) do move it, but carry no gradient: a failure
    expect(gradCheck(loss, [w.detach(), b.detach()]).passed).toBe(false);
  });

  it('puts back values, dtype, requiresGrad and grad exactly, also when f throws', () => {
    const a = tensor([0.1, 0.2, 0.3], { dtype: 'float32' });
    const b = tensor([1, 2, 3], { requiresGrad: true });
    b.grad = tensor([7, 7, 7]);
    const data = { a: a.data, b: b.data };
    const values = { a: Array.from(a.data), b: Array.from(b.data) };
    expect(gradCheck((p, q) => sum(mul(tanh(p), q)), [a, b]).passed).toBe(true);
    let calls = 0;
    const failing = (p: Tensor) => {
      if (++calls === 3) throw new Error('boom');
      return sum(exp(p));
    };
    expect(thrown(() => gradCheck(failing, [a, b], { argnums: [0, 1] })).message).toBe('boom');
    for (const [t, key] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      expect(t.data).toBe(data[key]);
      expect(Array.from(t.data)).toEqual(values[key]);
    }
    expect(a.dtype).toBe('float32');
    expect(a.requiresGrad).toBe(false);
    expect(b.requiresGrad).toBe(true);
    expect(b.grad?.toArray()).toEqual([7, 7, 7]);
  });

  it('a tensor listed twice is checked as two arguments', () => {
    const x = tensor([1.5, -2]);
    const report = gradCheck((p, q) => sum(mul(p, square(q))), [x, x]);
    expect(report.passed).toBe(true);
    expect(report.inputs.map((r) => r.shape)).toEqual([[2], [2]]);
  });

  it('names the inputs in its messages when given names', () => {
    const report = gradCheck((a) => sum(wrongSquare(a)), [tensor([1, 2])], { names: ['w'] });
    expect(report.inputs[0].name).toBe('w');
    expect(report.message).toMatch(
      /^gradCheck: gradient of input 0 \('w'\) \(shape \[2\], float64\)/,
    );
    expectError(
      () => gradCheck((a) => sum(a), [tensor([1])], { names: ['a', 'b'] }),
      ArgumentError,
      'gradCheck: names must be a list of 1 strings (one per input), got 2 entries',
    );
  });

  it('argnums restricts the check to some inputs', () => {
    const report = gradCheck((a, b) => sum(mul(wrongSquare(a), b)), [tensor([2]), tensor([3])], {
      argnums: 1,
    });
    expect(report.passed).toBe(true);
    expect(report.inputs.map((r) => r.input)).toEqual([1]);
  });

  it('validates its arguments', () => {
    const f = (a: Tensor) => sum(a);
    expectError(
      () => gradCheck(f, []),
      ArgumentError,
      'gradCheck: inputs must be a Tensor or a non-empty list of tensors, got an array ([])',
    );
    expectError(
      () => gradCheck(f, [3 as never]),
      ArgumentError,
      'gradCheck: inputs[0] must be a Tensor, got the number 3',
    );
    expectError(
      () => gradCheck(f, [tensor([1])], { argnums: 1 }),
      ArgumentError,
      'gradCheck: argnums must index the 1 inputs, got 1',
    );
    expectError(
      () => gradCheck(f, [tensor([1])], { atol: -1 }),
      ArgumentError,
      'gradCheck: atol must be a non-negative finite number, got -1',
    );
    expectError(
      () => gradCheck(f, [tensor([1])], { eps: 0 }),
      ArgumentError,
      'gradCheck: eps must be a positive finite number, got 0',
    );
    expectError(
      () => gradCheck(f, [tensor([1])], { mode: 'fast' as never }),
      ArgumentError,
      `gradCheck: mode must be 'full', 'vjp' or 'auto', got "fast"`,
    );
    expectError(
      () => gradCheck(f, [tensor([1])], { directions: 0 }),
      ArgumentError,
      'gradCheck: directions must be a positive integer, got 0',
    );
    expectError(
      () => gradCheck((() => 1) as never, [tensor([1])]),
      ArgumentError,
      'gradCheck: f must return a Tensor, got number',
    );
  });
});

describe('gradGradCheck', () => {
  it('passes second derivatives of compositions', () => {
    const x = randn([4], { seed: 7 });
    expect(gradGradCheck((a) => sum(tanh(mul(a, a))), [x]).passed).toBe(true);
    const report = gradGradCheck(
      (a, b) => tanh(matmul(a, b)),
      [randn([2, 3], { seed: 8 }), randn([3, 2], { seed: 9 })],
    );
    expect(report.passed).toBe(true);
    expect(report.inputs.map((r) => [r.gradientOf, r.input])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  it('negative control: a gradient that is right but not differentiable fails the second-order check', () => {
    const x = tensor([1, 2]);
    expect(gradCheck((a) => sum(flatCube(a)), [x]).passed).toBe(true);
    const report = gradGradCheck((a) => sum(flatCube(a)), [x]);
    expect(report.passed).toBe(false);
    expect(report.message).toMatch(
      /^gradGradCheck: derivative of \(gradient of input 0\) with respect to input 0 \(shape \[2\], float64\) does not match finite differences/,
    );
  });
});
