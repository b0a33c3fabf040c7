import { fromOp, gradients, isGradEnabled, Tensor } from '../autograd/index.js';
import { type Backend, getBackend } from '../backend/index.js';
import { allocate, type DType, type Shape, type TypedArray } from '../core/index.js';
import { scratch } from './scratch.js';

/** The constants and target arrays of one call, in the pred's dtype, as the composite makes them. */
interface Operands {
  one: TypedArray;
  zero: TypedArray;
  count: TypedArray;
  t: TypedArray;
  /** t's shape: pred's, or [] for a number */
  tShape: Shape;
  /** 1 − t */
  omt: TypedArray;
  /** two more scalars for the call's own use */
  s1: TypedArray;
  s2: TypedArray;
}

function operands(
  b: Backend,
  dtype: DType,
  shape: Shape,
  n: number,
  target: Tensor | number,
): Operands {
  const [one, zero, count, tScalar, omtScalar, s1, s2] = scratch(dtype, 1, 7, 'bce scalars');
  one[0] = 1;
  zero[0] = 0;
  count[0] = n;
  if (typeof target === 'number') {
    tScalar[0] = target;
    omtScalar[0] = 1 - target;
    return { one, zero, count, t: tScalar, tShape: [], omt: omtScalar, s1, s2 };
  }
  const [omt] = scratch(dtype, n, 1, 'bce 1-t');
  b.binary('sub', one, [], target.data, shape, omt, shape);
  return { one, zero, count, t: target.data, tShape: shape, omt, s1, s2 };
}

/**
 * binaryCrossEntropy's graph run as one recorded op: the same kernel calls on the same values
 * in the same order as the composite −mean(t·ln clip(p) + (1 − t)·ln clip(1 − p)) and its
 * recorded backward, so the results are bit for bit the composite's on every backend; but one
 * tensor and one graph node instead of twelve, and the temporaries in reused scratch arrays.
 * `composite` is the formula itself, on ops: a differentiable backward (`createGraph`)
 * differentiates it, so the rule is written once.
 * NOTE: only for a target that needs no gradient and has pred's dtype (or a number); the
 * caller runs the composite otherwise.
 */
export function binaryCrossEntropyFast(
  p: Tensor,
  target: Tensor | number,
  eps: number,
  composite: (p: Tensor, t: Tensor | number) => Tensor,
): Tensor {
  const b = getBackend();
  const { dtype, shape } = p;
  const { one, zero, count, t, tShape, omt, s1, s2 } = operands(b, dtype, shape, p.size, target);
  const [a1, l1, pos, q, a2, l2] = scratch(dtype, p.size, 6, 'bce');
  // positive = t·ln clip(p), negative = (1 − t)·ln clip(1 − p)
  b.unary('clip', p.data, a1, eps, Number.POSITIVE_INFINITY);
  b.unary('log', a1, l1);
  b.binary('mul', t, tShape, l1, shape, pos, shape);
  b.binary('sub', one, [], p.data, shape, q, shape);
  b.unary('clip', q, a2, eps, Number.POSITIVE_INFINITY);
  b.unary('log', a2, l2);
  const negative = a1;
  b.binary('mul', omt, tShape, l2, shape, negative, shape);
  const terms = l1;
  b.binary('add', pos, shape, negative, shape, terms, shape);
  // loss = 0 − Σ / count
  b.reduce(
    'sum',
    terms,
    shape,
    shape.map((_, i) => i),
    s1,
  );
  b.binary('div', s1, [], count, [], s2, []);
  const loss = allocate(dtype, 1);
  b.binary('sub', zero, [], s2, [], loss, []);
  const inputs = typeof target === 'number' ? [p] : [p, target];
  return fromOp('binaryCrossEntropy', loss, [], inputs, (g) => {
    if (isGradEnabled()) {
      // a recorded backward: differentiate the composite itself
      const grads = gradients(composite(p, target), g, { createGraph: true, targets: [p] });
      return [grads.get(p) ?? null, null];
    }
    return [new Tensor(backward(b, p, target, eps, g.data), shape), null];
  });
}

/** dL/dp for upstream g, exactly as the composite's recorded backward computes it. */
function backward(
  b: Backend,
  p: Tensor,
  target: Tensor | number,
  eps: number,
  g: TypedArray,
): TypedArray {
  const { dtype, shape } = p;
  const {
    zero,
    count,
    one,
    t,
    tShape,
    omt,
    s1: gm,
    s2: gsum,
  } = operands(b, dtype, shape, p.size, target);
  const [a1, q, a2, gs, gl2, ga2, eq2, gq, gpn, gl1, ga1, eq1] = scratch(dtype, p.size, 12, 'bce');
  // the forward's clipped values again
  b.unary('clip', p.data, a1, eps, Number.POSITIVE_INFINITY);
  b.binary('sub', one, [], p.data, shape, q, shape);
  b.unary('clip', q, a2, eps, Number.POSITIVE_INFINITY);
  // loss = 0 − m: dm = −g;  m = Σ / count: dΣ = dm / count;  Σ: broadcast as x + 0
  b.unary('neg', g, gm);
  b.binary('div', gm, [], count, [], gsum, []);
  const kept = shape.map(() => 1);
  if (kept.every((d, i) => d === shape[i])) gs.set(gsum);
  else b.binary('add', gsum, kept, zero, [], gs, shape);
  // through (1 − t)·ln clip(1 − p): −(dΣ·(1 − t) / clip(1 − p))·[clip kept 1 − p]
  b.binary('mul', gs, shape, omt, tShape, gl2, shape);
  b.binary('div', gl2, shape, a2, shape, ga2, shape);
  b.binary('equal', a2, shape, q, shape, eq2, shape);
  b.binary('mul', ga2, shape, eq2, shape, gq, shape);
  b.unary('neg', gq, gpn);
  // through t·ln clip(p): (dΣ·t / clip(p))·[clip kept p]
  b.binary('mul', gs, shape, t, tShape, gl1, shape);
  b.binary('div', gl1, shape, a1, shape, ga1, shape);
  b.binary('equal', a1, shape, p.data, shape, eq1, shape);
  const gpp = gl2; // free again
  b.binary('mul', ga1, shape, eq1, shape, gpp, shape);
  // the two contributions, summed as backward accumulates them
  const gp = allocate(dtype, p.size);
  b.binary('add', gpn, shape, gpp, shape, gp, shape);
  return gp;
}
