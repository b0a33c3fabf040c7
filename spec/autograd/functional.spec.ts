import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  add,
  GradError,
  grad,
  isGradEnabled,
  mul,
  noGrad,
  pow,
  sum,
  type Tensor,
  tanh,
  tensor,
  valueAndGrad,
} from '../../lib/index.js';
import { expectClose, expectError } from '../core/helpers.js';

const sumCube = (x: Tensor) => sum(pow(x, 3));

describe('grad and valueAndGrad (JAX style)', () => {
  it('grad(f) gives the gradient and leaves .grad of the arguments alone', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(grad(sumCube)(x).toArray()).toEqual([3, 12]); // 3x²
    expect(x.grad).toBeNull();
  });

  it('valueAndGrad returns the value too', () => {
    const [y, g] = valueAndGrad((x: Tensor) => sum(mul(x, x)))(tensor([3, 4]));
    expect(y.item()).toBe(25);
    expect(g.toArray()).toEqual([6, 8]);
  });

  it('argnums picks one argument or several; unused arguments get zeros', () => {
    const f = (a: Tensor, b: Tensor, _c: Tensor) => sum(mul(a, b));
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    const c = tensor([5]);
    expect(grad(f, 1)(a, b, c).toArray()).toEqual([1, 2]);
    const [ga, gb, gc] = grad(f, [0, 1, 2])(a, b, c);
    expect(ga.toArray()).toEqual([3, 4]);
    expect(gb.toArray()).toEqual([1, 2]);
    expect(gc.toArray()).toEqual([0]);
  });

  it('nests: grad(grad(f)) is the second derivative, and a third order works too', () => {
    const x = tensor([2, -1]);
    const d1 = grad(sumCube);
    const d2 = grad((t: Tensor) => sum(d1(t)));
    const d3 = grad((t: Tensor) => sum(d2(t)));
    expect(d2(x).toArray()).toEqual([12, -6]); // 6x
    expect(d3(x).toArray()).toEqual([6, 6]);
    // d²/dx² tanh(x) = −2·tanh(x)·(1 − tanh²(x))
    const t = Math.tanh(0.3);
    expectClose(grad((u: Tensor) => sum(grad((v: Tensor) => sum(tanh(v)))(u)))(tensor([0.3])), [
      -2 * t * (1 - t * t),
    ]);
  });

  it('mixed partials: d/db (d/da Σ a²·b) = 2a', () => {
    const f = (a: Tensor, b: Tensor) => sum(mul(mul(a, a), b));
    const dfda = (a: Tensor, b: Tensor) => sum(grad(f, 0)(a, b));
    expect(grad(dfda, 1)(tensor([3]), tensor([5])).toArray()).toEqual([6]);
  });

  it('a gradient computed on traced inputs is itself differentiable', () => {
    const x = tensor([2], { requiresGrad: true });
    const g = grad(sumCube)(x);
    expect(g.requiresGrad).toBe(true);
    sum(add(g, 0)).backward();
    expect(x.grad?.toArray()).toEqual([12]);
  });

  it('errors name the function and what was wrong', () => {
    expectError(
      () => grad(sumCube, 2)(tensor([1])),
      ArgumentError,
      'grad: argnums must index the 1 arguments, got 2',
    );
    expectError(
      () => grad((x: Tensor) => mul(x, 2))(tensor([1, 2])),
      GradError,
      'grad: f must return a scalar (one element), got shape [2]',
    );
    expectError(
      () => grad(sumCube)(3 as never),
      ArgumentError,
      'grad: argument 0 must be a Tensor, got the number 3',
    );
    expectError(
      () => grad((() => 1) as never)(tensor([1])),
      GradError,
      'grad: f must return a Tensor, got the number 1',
    );
  });

  // NOTE: this used to return zeros silently (issue 12).
  it('inside noGrad, grad still differentiates (as torch.enable_grad inside no_grad)', () => {
    const x = tensor([2, -1], { requiresGrad: true });
    expect(noGrad(() => grad(sumCube)(x)).toArray()).toEqual([12, 3]);
    const [value, g] = noGrad(() => valueAndGrad(sumCube)(tensor([3])));
    expect(value.item()).toBe(27);
    expect(g.toArray()).toEqual([27]);
    // the results are plain tensors, and the mode outside is noGrad again
    expect(value.requiresGrad).toBe(false);
    expect(g.requiresGrad).toBe(false);
    noGrad(() => {
      grad(sumCube)(x);
      expect(isGradEnabled()).toBe(false);
      expect(mul(x, 2).requiresGrad).toBe(false);
    });
    // second order under noGrad works too: d²(x³)/dx² = 6x
    expect(noGrad(() => grad((t: Tensor) => sum(grad(sumCube)(t)))(tensor([2]))).toArray()).toEqual(
      [12],
    );
  });
});
