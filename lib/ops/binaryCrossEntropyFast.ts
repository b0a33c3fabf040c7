import {
  fromOp,
  gradients,
  isGradEnabled,
  sealedTensor,
  storageOf,
  type Tensor,
} from '../autograd/index.js';
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

function operands(dtype: DType, shape: Shape, n: number, target: Tensor | number): Operands {
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
  oneMinus(storageOf(target), omt);
  return { one, zero, count, t: storageOf(target), tShape: shape, omt, s1, s2 };
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
  const n = p.size;
  const { zero, count, t, tShape, omt, s1, s2 } = operands(dtype, shape, n, target);
  const [a1, l1, q, a2, l2] = scratch(dtype, n, 5, 'bce');
  clipped(storageOf(p), eps, a1, q, a2);
  b.unary('log', a1, l1);
  b.unary('log', a2, l2);
  // terms = t·ln clip(p) + (1 − t)·ln clip(1 − p), each product rounded to the dtype
  const terms = a1;
  const ts = tShape.length === 0 ? 0 : 1;
  // NOTE: Math.fround called directly (inlined), in a loop of its own: through a variable it
  // is a call per value, 3–4× slower (the whole float32 neuron step 0.14 → 0.07 ms)
  if (dtype === 'float32') {
    for (let i = 0; i < n; i++)
      terms[i] = Math.fround(t[i * ts] * l1[i]) + Math.fround(omt[i * ts] * l2[i]);
  } else for (let i = 0; i < n; i++) terms[i] = t[i * ts] * l1[i] + omt[i * ts] * l2[i];
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
    return [sealedTensor(backward(b, p, target, eps, storageOf(g)), shape), null];
  });
}

/**
 * out = 1 − t, as the sub kernel gives it: the float64 difference, stored (rounded once to
 * float32 by a Float32Array, which is what a float32 subtraction gives). A loop of its own
 * per array type: through the broadcasting kernel it cost ~3 µs per call on 455 elements.
 */
function oneMinus(t: TypedArray, out: TypedArray): void {
  if (t instanceof Float64Array && out instanceof Float64Array) {
    for (let i = 0; i < t.length; i++) out[i] = 1 - t[i];
  } else if (t instanceof Float32Array && out instanceof Float32Array) {
    for (let i = 0; i < t.length; i++) out[i] = 1 - t[i];
  } else for (let i = 0; i < t.length; i++) out[i] = 1 - t[i];
}

/** a1 = clip(p) from eps, q = 1 − p, a2 = clip(q) from eps, as the clip and sub kernels give them. */
function clipped(p: TypedArray, eps: number, a1: TypedArray, q: TypedArray, a2: TypedArray): void {
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    a1[i] = v < eps ? eps : v;
    q[i] = 1 - v;
    const w = q[i];
    a2[i] = w < eps ? eps : w;
  }
}

/**
 * dL/dp for upstream g, exactly as the composite's recorded backward computes it: in float32,
 * each intermediate is rounded (Math.fround) where the op producing it would store it.
 * NOTE: a float32 +, −, × or ÷ is the float64 one rounded once to float32 (exact, as float64
 * has more than twice float32's precision), which is what the JS and WebAssembly kernels give.
 */
function backward(
  b: Backend,
  p: Tensor,
  target: Tensor | number,
  eps: number,
  g: TypedArray,
): TypedArray {
  const { dtype, shape } = p;
  const n = p.size;
  const { zero, count, t, tShape, omt, s1: gm, s2: gsum } = operands(dtype, shape, n, target);
  const [a1, q, a2] = scratch(dtype, n, 3, 'bce');
  clipped(storageOf(p), eps, a1, q, a2);
  // loss = 0 − m: dm = −g;  m = Σ / count: dΣ = dm / count;  Σ: broadcast as x + 0
  b.unary('neg', g, gm);
  b.binary('div', gm, [], count, [], gsum, []);
  const f32 = dtype === 'float32';
  // a broadcast copy is x + 0 (−0 becomes +0), unless the shape is all ones
  let gs = gsum[0];
  if (shape.some((d) => d !== 1)) gs = f32 ? Math.fround(gs + zero[0]) : gs + zero[0];
  const ts = tShape.length === 0 ? 0 : 1;
  const pd = storageOf(p);
  const gp = allocate(dtype, n);
  // d = −(dΣ·(1 − t) / clip(1 − p))·[clip kept 1 − p] + (dΣ·t / clip(p))·[clip kept p], the
  // two contributions summed as backward accumulates them (float32: as above, one loop each)
  if (f32) {
    for (let i = 0; i < n; i++) {
      const ga2 = Math.fround(Math.fround(gs * omt[i * ts]) / a2[i]);
      const negative = -Math.fround(ga2 * (a2[i] === q[i] ? 1 : 0));
      const ga1 = Math.fround(Math.fround(gs * t[i * ts]) / a1[i]);
      gp[i] = negative + Math.fround(ga1 * (a1[i] === pd[i] ? 1 : 0));
    }
  } else {
    for (let i = 0; i < n; i++) {
      const negative = -(((gs * omt[i * ts]) / a2[i]) * (a2[i] === q[i] ? 1 : 0));
      gp[i] = negative + ((gs * t[i * ts]) / a1[i]) * (a1[i] === pd[i] ? 1 : 0);
    }
  }
  return gp;
}
