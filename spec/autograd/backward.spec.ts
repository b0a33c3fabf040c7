import { describe, expect, it } from 'vitest';
import { fromOp } from '../../lib/autograd/index.js';
import {
  ArgumentError,
  add,
  DTypeError,
  exp,
  GradError,
  mul,
  pow,
  relu,
  ShapeError,
  sum,
  Tensor,
  tensor,
} from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';

describe('backward', () => {
  it('the tutorial neuron: relu(Σ x·w) at x = (2,3,4), w = (1,−1,5) is 19, with dw = x and dx = w', () => {
    const x = tensor([2, 3, 4], { requiresGrad: true });
    const w = tensor([1, -1, 5], { requiresGrad: true });
    const y = relu(sum(mul(x, w)));
    expect(y.item()).toBe(19); // 2 − 3 + 20
    y.backward();
    expect(w.grad?.toArray()).toEqual([2, 3, 4]);
    expect(x.grad?.toArray()).toEqual([1, -1, 5]);
  });

  it('a neuron whose relu is off passes no gradient', () => {
    const w = tensor([-1, -1, -1], { requiresGrad: true });
    const y = relu(sum(mul(tensor([2, 3, 4]), w)));
    expect(y.item()).toBe(0);
    y.backward();
    expect(w.grad?.toArray()).toEqual([0, 0, 0]);
  });

  it('computes gradients only for tensors that need them (not for the data)', () => {
    const x = tensor([2, 3, 4]);
    const w = tensor([1, -1, 5], { requiresGrad: true });
    sum(mul(x, w)).backward();
    expect(x.grad).toBeNull();
    expect(w.grad).not.toBeNull();
  });

  it('fan-out: a tensor used several times gets the sum of every contribution', () => {
    const x = tensor([3, -2], { requiresGrad: true });
    sum(mul(x, x)).backward(); // d x² = 2x
    expect(x.grad?.toArray()).toEqual([6, -4]);
    const z = tensor([1.5], { requiresGrad: true });
    sum(add(add(z, z), mul(z, z))).backward(); // d(2z + z²) = 2 + 2z
    expect(z.grad?.toArray()).toEqual([5]);
  });

  it('diamond: two paths from x meet again', () => {
    // y = (2x)·eˣ, dy/dx = 2eˣ + 2x·eˣ
    const x = tensor([0.5, -1], { requiresGrad: true });
    sum(mul(mul(x, 2), exp(x))).backward();
    expectClose(x.grad!, [2 * Math.exp(0.5) * 1.5, 2 * Math.exp(-1) * 0], 1e-14);
  });

  it('leaves accumulate across backward calls until zeroed (PyTorch semantics)', () => {
    const w = tensor([2], { requiresGrad: true });
    const loss = () => sum(mul(w, 3));
    loss().backward();
    loss().backward();
    expect(w.grad?.toArray()).toEqual([6]);
    w.zeroGrad();
    loss().backward();
    expect(w.grad?.toArray()).toEqual([3]);
  });

  it('takes a seed of the output shape for a non-scalar output', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    mul(x, 3).backward(tensor([1, 10]));
    expect(x.grad?.toArray()).toEqual([3, 30]);
  });

  it('says clearly when there is no seed for a non-scalar, or nothing requires grad', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expectError(
      () => mul(x, 3).backward(),
      GradError,
      "backward: the output has shape [2]; backward() without a seed needs a scalar (one element), pass a seed tensor of the output's shape",
    );
    expectError(
      () => sum(tensor([1, 2])).backward(),
      GradError,
      'backward: this tensor does not require grad; no input of the computation that produced it has requiresGrad set (or it was computed under noGrad)',
    );
    expectError(
      () => mul(x, 3).backward(tensor([1, 2, 3])),
      ShapeError,
      "backward: seed must have the output's shape [2], got [3]",
    );
  });

  it("checks that every gradient has its input's shape", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const bad = fromOp('custom', new Float64Array(1), [], [x], () => [tensor([1, 2, 3])]);
    expectError(
      () => bad.backward(),
      GradError,
      "custom: gradient of input 0 has shape [3] float64, expected the input's [2] float64",
    );
  });

  it('a chain of 100,000 ops backpropagates without overflowing the stack', () => {
    const x = tensor(1, { requiresGrad: true });
    const c = 1 + 1e-6;
    let y: Tensor = x;
    for (let i = 0; i < 100_000; i++) y = mul(y, c);
    y.backward();
    // d(c¹⁰⁰⁰⁰⁰·x)/dx = c¹⁰⁰⁰⁰⁰ ≈ e^0.1
    expect(x.grad!.item()).toBeCloseTo(c ** 100_000, 9);
    expect(x.grad!.item()).toBeCloseTo(Math.exp(0.1), 5);
  });

  it('backward({ createGraph: true }) records the backward pass so it can be differentiated again', () => {
    const x = tensor(3, { requiresGrad: true });
    pow(x, 3).backward({ createGraph: true });
    const g = x.grad!;
    expect(g.item()).toBe(27); // 3x²
    expect(g.requiresGrad).toBe(true);
    x.zeroGrad();
    g.backward();
    expect(x.grad!.item()).toBe(18); // 6x
  });

  it('without createGraph the gradients are plain values', () => {
    const x = tensor(3, { requiresGrad: true });
    pow(x, 3).backward();
    expect(x.grad!.requiresGrad).toBe(false);
    expect(x.grad!.node).toBeNull();
  });

  it('gradients keep the dtype of their tensor', () => {
    const x = tensor([1, 2], { dtype: 'float32', requiresGrad: true });
    sum(mul(x, x)).backward();
    expect(x.grad!.dtype).toBe('float32');
    expect(new Tensor(new Float32Array(1), []).dtype).toBe('float32');
  });

  // NOTE: a seed that was not a Tensor used to be taken for options and ignored (issue 12).
  it('a junk seed or option is an ArgumentError; a number seeds a one-element output', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    expectError(
      () => sum(w).backward('junk' as never),
      ArgumentError,
      'backward: seed must be a Tensor of the output\'s shape [] (or a number for a one-element output), got string "junk"',
    );
    expectError(
      () => mul(w, 2).backward([1, 1] as never),
      ArgumentError,
      "backward: seed must be a Tensor of the output's shape [2] (or a number for a one-element output), got an array",
    );
    expectError(
      () => mul(w, 2).backward(5),
      ArgumentError,
      'backward: a number seed needs a one-element output, got shape [2]; pass a seed tensor of that shape',
    );
    expectError(
      () => sum(w).backward({ createGraf: true } as never),
      ArgumentError,
      "backward: unknown option 'createGraf'; known options are createGraph",
    );
    expectError(
      () => sum(w).backward({ createGraph: 'yes' } as never),
      ArgumentError,
      'backward: createGraph must be true or false, got string "yes"',
    );
    expectError(
      () => mul(w, 2).backward(tensor([1, 1], { dtype: 'float32' })),
      DTypeError,
      "backward: seed must have the output's dtype float64, got float32",
    );
    expect(w.grad).toBeNull(); // nothing was accumulated by the failed calls
    sum(mul(w, w)).backward(5);
    expect(w.grad?.toArray()).toEqual([10, 20]);
  });
});
