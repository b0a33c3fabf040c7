import { describe, expect, it } from 'vitest';
import {
  add,
  binaryCrossEntropy,
  clip,
  type DType,
  grad,
  log,
  mean,
  mul,
  Random,
  sub,
  sum,
  type Tensor,
  tensor,
} from '../../lib/index.js';

/** The loss as the composite it is defined as (the fused op's reference). */
const composite = (p: Tensor, t: Tensor | number) =>
  sub(
    0,
    mean(
      add(
        mul(t, log(clip(p, 1e-12))),
        mul(typeof t === 'number' ? 1 - t : sub(1, t), log(clip(sub(1, p), 1e-12))),
      ),
    ),
  );

/** Probabilities with the edges: exact 0 and 1, values the clip changes, and random ones. */
function probabilities(n: number, rng: Random): number[][] {
  const edges = [0, 1, 1e-13, 1 - 1e-13, 0.5, 1e-300];
  return Array.from({ length: n }, (_, i) => [
    i < edges.length ? edges[i] : 1 / (1 + Math.exp(-4 * rng.normal())),
  ]);
}

const bitsOf = (t: Tensor) => Array.from(t.data, (v) => (Object.is(v, -0) ? '-0' : String(v)));

describe('binaryCrossEntropy, fused: bit for bit the composite', () => {
  for (const dtype of ['float64', 'float32'] as DType[]) {
    for (const n of [1, 7, 455, 3000]) {
      it(`${dtype}, ${n} values, tensor and number targets: loss and gradient`, () => {
        const rng = new Random(n);
        const ps = probabilities(n, rng);
        const targets: (Tensor | number)[] = [
          tensor(
            ps.map(() => [rng.uniform() < 0.5 ? 0 : 1]),
            { dtype },
          ),
          tensor(
            ps.map(() => [rng.uniform()]),
            { dtype },
          ),
          1,
          0.3,
        ];
        for (const t of targets) {
          const fused = tensor(ps, { dtype, requiresGrad: true });
          const reference = tensor(ps, { dtype, requiresGrad: true });
          const a = binaryCrossEntropy(fused, t);
          const b = composite(reference, t);
          expect(a.node?.op).toBe('binaryCrossEntropy');
          expect(bitsOf(a)).toEqual(bitsOf(b));
          a.backward();
          b.backward();
          expect(bitsOf(fused.grad!)).toEqual(bitsOf(reference.grad!));
        }
      });
    }
  }

  it('a differentiable backward (second derivatives) gives the composite’s', () => {
    const p = tensor([[0.2], [0.7], [0.9]], { requiresGrad: true });
    const t = tensor([[0], [1], [1]]);
    const ddp = (f: (p: Tensor) => Tensor) => grad((x: Tensor) => sum(grad(f)(x)))(p);
    const fused = ddp((x) => binaryCrossEntropy(x, t));
    const reference = ddp((x) => composite(x, t));
    expect(bitsOf(fused)).toEqual(bitsOf(reference));
    // d²/dp² of −(t ln p + (1 − t) ln(1 − p))/n = (t/p² + (1 − t)/(1 − p)²)/n
    expect(fused.data[0]).toBeCloseTo(1 / 0.8 ** 2 / 3, 12);
  });

  it('a target that needs a gradient runs the composite, whose gradient reaches it', () => {
    const p = tensor([0.2, 0.6], { requiresGrad: true });
    const t = tensor([0.5, 1], { requiresGrad: true });
    const loss = binaryCrossEntropy(p, t);
    expect(loss.node?.op).toBe('sub');
    loss.backward();
    // d/dt = −(ln p − ln(1 − p))/n
    expect(t.grad!.data[0]).toBeCloseTo(-(Math.log(0.2) - Math.log(0.8)) / 2, 12);
  });
});
