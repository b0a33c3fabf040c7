// Elementwise functions of one array: out[i] = f(x[i]). Op codes match the `wasm` codes of
// UNARY_KERNELS in lib/backend/elementwiseKernels.ts. float32 transcendental functions are
// evaluated in f64 and rounded once, as the JS backend does.
import { madd64, narrow, widen } from './simd';

const LOG2E: f64 = 1.4426950408889634;
// NOTE: ln 2 split in two (fdlibm): k·LN2_HI is exact for |k| < 2¹¹, so r = x − k·ln 2 keeps
// its low bits.
const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;

/**
 * eˣ on two f64 lanes: x = k·ln 2 + r with |r| ≤ ln2/2, eʳ by its Taylor series to r¹³
 * (remainder < 5e-18), then 2ᵏ built from the exponent bits in two halves so that results in
 * the subnormal range and overflow to ∞ come out as Math.exp's. NaN stays NaN.
 */
@inline export function exp64(x: v128): v128 {
  // NOTE: clamping keeps k in the range where both halves of 2ᵏ are normal numbers; beyond it
  // the product underflows to 0 or overflows to ∞ on its own. min/max propagate NaN.
  x = f64x2.min(f64x2.max(x, f64x2.splat(-746.0)), f64x2.splat(710.0));
  const kf = f64x2.nearest(f64x2.mul(x, f64x2.splat(LOG2E)));
  let r = f64x2.sub(x, f64x2.mul(kf, f64x2.splat(LN2_HI)));
  r = f64x2.sub(r, f64x2.mul(kf, f64x2.splat(LN2_LO)));
  let p = f64x2.splat(1.0 / 6227020800.0); // 1/13!
  p = madd64(p, r, f64x2.splat(1.0 / 479001600.0));
  p = madd64(p, r, f64x2.splat(1.0 / 39916800.0));
  p = madd64(p, r, f64x2.splat(1.0 / 3628800.0));
  p = madd64(p, r, f64x2.splat(1.0 / 362880.0));
  p = madd64(p, r, f64x2.splat(1.0 / 40320.0));
  p = madd64(p, r, f64x2.splat(1.0 / 5040.0));
  p = madd64(p, r, f64x2.splat(1.0 / 720.0));
  p = madd64(p, r, f64x2.splat(1.0 / 120.0));
  p = madd64(p, r, f64x2.splat(1.0 / 24.0));
  p = madd64(p, r, f64x2.splat(1.0 / 6.0));
  p = madd64(p, r, f64x2.splat(0.5));
  p = madd64(p, r, f64x2.splat(1.0));
  p = madd64(p, r, f64x2.splat(1.0));
  const k = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(kf));
  const k1 = i64x2.shr_s(k, 1);
  const k2 = i64x2.sub(k, k1);
  const bias = i64x2.splat(1023);
  const s1 = i64x2.shl(i64x2.add(k1, bias), 52);
  const s2 = i64x2.shl(i64x2.add(k2, bias), 52);
  return f64x2.mul(f64x2.mul(p, s1), s2);
}

/** 1/(1 + e⁻ˣ) on two f64 lanes, from e^(−|x|) ≤ 1 so that nothing overflows. */
@inline function sigmoid64(x: v128): v128 {
  const e = exp64(f64x2.neg(f64x2.abs(x)));
  const d = f64x2.add(f64x2.splat(1.0), e);
  // x ≥ 0: 1/(1 + e⁻ˣ);  x < 0: eˣ/(1 + eˣ)
  const num = v128.bitselect(f64x2.splat(1.0), e, f64x2.ge(x, f64x2.splat(0)));
  return f64x2.div(num, d);
}

/**
 * eˣ − 1 on two f64 lanes for |x| ≤ 44 (what tanh needs): x = k·ln 2 + r, eʳ − 1 = r·P(r) by
 * its Taylor series to r¹⁴, then 2ᵏ·(eʳ − 1) + (2ᵏ − 1).
 * NOTE: for |x| < ln2/2, k = 0 and r = x exactly, so small arguments keep their relative
 * accuracy, which e^x − 1 would lose to cancellation.
 */
@inline function expm1Small64(x: v128): v128 {
  const kf = f64x2.nearest(f64x2.mul(x, f64x2.splat(LOG2E)));
  let r = f64x2.sub(x, f64x2.mul(kf, f64x2.splat(LN2_HI)));
  r = f64x2.sub(r, f64x2.mul(kf, f64x2.splat(LN2_LO)));
  let p = f64x2.splat(1.0 / 87178291200.0); // 1/14!
  p = madd64(p, r, f64x2.splat(1.0 / 6227020800.0));
  p = madd64(p, r, f64x2.splat(1.0 / 479001600.0));
  p = madd64(p, r, f64x2.splat(1.0 / 39916800.0));
  p = madd64(p, r, f64x2.splat(1.0 / 3628800.0));
  p = madd64(p, r, f64x2.splat(1.0 / 362880.0));
  p = madd64(p, r, f64x2.splat(1.0 / 40320.0));
  p = madd64(p, r, f64x2.splat(1.0 / 5040.0));
  p = madd64(p, r, f64x2.splat(1.0 / 720.0));
  p = madd64(p, r, f64x2.splat(1.0 / 120.0));
  p = madd64(p, r, f64x2.splat(1.0 / 24.0));
  p = madd64(p, r, f64x2.splat(1.0 / 6.0));
  p = madd64(p, r, f64x2.splat(0.5));
  p = madd64(p, r, f64x2.splat(1.0));
  const q = f64x2.mul(p, r); // eʳ − 1
  const k = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(kf));
  const s = i64x2.shl(i64x2.add(k, i64x2.splat(1023)), 52); // 2ᵏ
  return f64x2.add(f64x2.mul(s, q), f64x2.sub(s, f64x2.splat(1.0)));
}

/**
 * tanh x on two f64 lanes, fdlibm's formulas: with t = expm1(∓2|x|),
 * |x| < 1: −t/(t + 2); 1 ≤ |x| < 22: 1 − 2/(t + 2); beyond: 1; the sign of x put back.
 * |x| < 2⁻²⁸ returns x (keeps −0); NaN stays NaN.
 */
@inline function tanh64(x: v128): v128 {
  const ax = f64x2.abs(x);
  const big = f64x2.ge(ax, f64x2.splat(1.0));
  const c = f64x2.min(ax, f64x2.splat(22.0)); // min propagates NaN
  const two = f64x2.add(c, c);
  const t = expm1Small64(v128.bitselect(two, f64x2.neg(two), big));
  const num = v128.bitselect(f64x2.splat(2.0), f64x2.neg(t), big);
  const q = f64x2.div(num, f64x2.add(t, f64x2.splat(2.0)));
  let z = v128.bitselect(f64x2.sub(f64x2.splat(1.0), q), q, big);
  z = v128.bitselect(f64x2.splat(1.0), z, f64x2.ge(ax, f64x2.splat(22.0)));
  z = v128.or(z, v128.and(x, i64x2.splat(0x8000000000000000)));
  return v128.bitselect(x, z, f64x2.lt(ax, f64x2.splat(3.725290298461914e-9))); // 2⁻²⁸
}

const LG1: f64 = 6.666666666666735130e-1;
const LG2: f64 = 3.999999999940941908e-1;
const LG3: f64 = 2.857142874366239149e-1;
const LG4: f64 = 2.222219843214978396e-1;
const LG5: f64 = 1.818357216161805012e-1;
const LG6: f64 = 1.531383769920937332e-1;
const LG7: f64 = 1.479819860511658591e-1;

/**
 * ln x on two f64 lanes, fdlibm's e_log (the algorithm of V8's Math.log, < 1 ulp): x = 2ᵏ·m with
 * √2/2 ≤ m < √2, f = m − 1, s = f/(2 + f), ln m = f − f²/2 + s·(f²/2 + R(s²)).
 * ln 0 = −∞, ln x<0 = NaN, ln ∞ = ∞, NaN stays NaN.
 * NOTE: plain multiply and add (no FMA), so that the results follow fdlibm's roundings.
 */
@inline function log64(x: v128): v128 {
  // NOTE: subnormal x is scaled by 2⁵⁴ first, so that its exponent field is meaningful.
  const sub = f64x2.lt(x, f64x2.splat(2.2250738585072014e-308));
  const xs = v128.bitselect(f64x2.mul(x, f64x2.splat(18014398509481984.0)), x, sub);
  const ix = i64x2.add(xs, i64x2.splat(<i64>(0x3ff00000 - 0x3fe6a09e) << 32));
  let k = i64x2.sub(i64x2.shr_s(ix, 52), i64x2.splat(0x3ff));
  k = i64x2.sub(k, v128.and(sub, i64x2.splat(54)));
  const m = i64x2.add(v128.and(ix, i64x2.splat(0x000fffffffffffff)), i64x2.splat(<i64>0x3fe6a09e << 32));
  const dk = f64x2.convert_low_i32x4_s(i32x4.shuffle(k, k, 0, 2, 0, 2));
  const f = f64x2.sub(m, f64x2.splat(1.0));
  const hfsq = f64x2.mul(f64x2.mul(f64x2.splat(0.5), f), f);
  const s = f64x2.div(f, f64x2.add(f64x2.splat(2.0), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, f64x2.add(f64x2.splat(LG2), f64x2.mul(w, f64x2.add(f64x2.splat(LG4), f64x2.mul(w, f64x2.splat(LG6))))));
  const t2 = f64x2.mul(z, f64x2.add(f64x2.splat(LG1), f64x2.mul(w, f64x2.add(f64x2.splat(LG3), f64x2.mul(w, f64x2.add(f64x2.splat(LG5), f64x2.mul(w, f64x2.splat(LG7))))))));
  const R = f64x2.add(t2, t1);
  // s·(hfsq + R) + dk·ln2_lo − hfsq + f + dk·ln2_hi, left to right as in fdlibm
  let y = f64x2.add(f64x2.mul(s, f64x2.add(hfsq, R)), f64x2.mul(dk, f64x2.splat(LN2_LO)));
  y = f64x2.add(f64x2.sub(y, hfsq), f);
  y = f64x2.add(y, f64x2.mul(dk, f64x2.splat(LN2_HI)));
  y = v128.bitselect(f64x2.splat(-Infinity), y, f64x2.eq(x, f64x2.splat(0)));
  y = v128.bitselect(f64x2.splat(NaN), y, f64x2.lt(x, f64x2.splat(0)));
  // ∞ and NaN give themselves
  return v128.bitselect(x, y, v128.or(f64x2.ne(x, x), f64x2.eq(x, f64x2.splat(Infinity))));
}

/** One f64x2 step of `op`; a and b are its scalar parameters. */
@inline function apply64(op: i32, x: v128, a: v128, b: v128): v128 {
  switch (op) {
    case 0: return f64x2.neg(x);
    case 1: return f64x2.abs(x);
    case 2: return f64x2.mul(x, x);
    case 3: return f64x2.sqrt(x);
    // relu: x < 0 ? 0 : x, so NaN and −0 stay (as PyTorch); step: 1 above 0, 0 at or below, NaN at NaN
    case 4: return v128.andnot(x, f64x2.lt(x, f64x2.splat(0)));
    case 5: return v128.or(v128.and(f64x2.splat(1.0), f64x2.gt(x, f64x2.splat(0))), v128.and(x, f64x2.ne(x, x)));
    case 6: return f64x2.add(f64x2.mul(a, x), b); // affine (two roundings, as in JS)
    case 7: return exp64(x);
    case 8: return sigmoid64(x);
    case 9: return v128.bitselect(x, f64x2.mul(a, x), f64x2.gt(x, f64x2.splat(0))); // leakyRelu
    case 10: return tanh64(x);
    case 11: return log64(x);
    default: return x;
  }
}

/** One f32x4 step; the cheap ops stay in f32 lanes, the transcendental ones go through f64. */
@inline function apply32(op: i32, x: v128, a: v128, b: v128, a64: v128, b64: v128): v128 {
  switch (op) {
    case 0: return f32x4.neg(x);
    case 1: return f32x4.abs(x);
    case 2: return f32x4.mul(x, x);
    case 3: return f32x4.sqrt(x);
    case 4: return v128.andnot(x, f32x4.lt(x, f32x4.splat(0)));
    case 5: return v128.or(v128.and(f32x4.splat(1.0), f32x4.gt(x, f32x4.splat(0))), v128.and(x, f32x4.ne(x, x)));
    default:
      // NOTE: affine and leakyRelu round a·x + b once per op in JS (computed in f64), so they
      // are widened too; exp and sigmoid are accurate to f64 before the one rounding to f32.
      return narrow(apply64(op, widen(x, false), a64, b64), apply64(op, widen(x, true), a64, b64));
  }
}

@inline function loop64(op: i32, x: usize, out: usize, n: i32, pa: f64, pb: f64): void {
  const a = f64x2.splat(pa);
  const b = f64x2.splat(pb);
  const end = x + (<usize>n << 3);
  const vend = x + (<usize>(n & ~1) << 3);
  for (; x < vend; x += 16, out += 16) v128.store(out, apply64(op, v128.load(x), a, b));
  if (x < end) {
    const v = apply64(op, v128.load64_zero(x), a, b);
    store<f64>(out, f64x2.extract_lane(v, 0));
  }
}

@inline function loop32(op: i32, x: usize, out: usize, n: i32, pa: f64, pb: f64): void {
  const a = f32x4.splat(<f32>pa);
  const b = f32x4.splat(<f32>pb);
  const a64 = f64x2.splat(pa);
  const b64 = f64x2.splat(pb);
  const vend = x + (<usize>(n & ~3) << 2);
  for (; x < vend; x += 16, out += 16) v128.store(out, apply32(op, v128.load(x), a, b, a64, b64));
  for (let i = 0; i < (n & 3); i++, x += 4, out += 4) {
    const v = apply32(op, f32x4.splat(load<f32>(x)), a, b, a64, b64);
    store<f32>(out, f32x4.extract_lane(v, 0));
  }
}

/** out = f(x) on n float64 values; returns 0, or 1 if `op` is not implemented here. */
export function unaryF64(op: i32, x: usize, out: usize, n: i32, a: f64, b: f64): i32 {
  switch (op) {
    case 0: loop64(0, x, out, n, a, b); break;
    case 1: loop64(1, x, out, n, a, b); break;
    case 2: loop64(2, x, out, n, a, b); break;
    case 3: loop64(3, x, out, n, a, b); break;
    case 4: loop64(4, x, out, n, a, b); break;
    case 5: loop64(5, x, out, n, a, b); break;
    case 6: loop64(6, x, out, n, a, b); break;
    case 7: loop64(7, x, out, n, a, b); break;
    case 8: loop64(8, x, out, n, a, b); break;
    case 9: loop64(9, x, out, n, a, b); break;
    case 10: loop64(10, x, out, n, a, b); break;
    case 11: loop64(11, x, out, n, a, b); break;
    default: return 1;
  }
  return 0;
}

/** out = f(x) on n float32 values. */
export function unaryF32(op: i32, x: usize, out: usize, n: i32, a: f64, b: f64): i32 {
  switch (op) {
    case 0: loop32(0, x, out, n, a, b); break;
    case 1: loop32(1, x, out, n, a, b); break;
    case 2: loop32(2, x, out, n, a, b); break;
    case 3: loop32(3, x, out, n, a, b); break;
    case 4: loop32(4, x, out, n, a, b); break;
    case 5: loop32(5, x, out, n, a, b); break;
    case 6: loop32(6, x, out, n, a, b); break;
    case 7: loop32(7, x, out, n, a, b); break;
    case 8: loop32(8, x, out, n, a, b); break;
    case 9: loop32(9, x, out, n, a, b); break;
    case 10: loop32(10, x, out, n, a, b); break;
    case 11: loop32(11, x, out, n, a, b); break;
    default: return 1;
  }
  return 0;
}
