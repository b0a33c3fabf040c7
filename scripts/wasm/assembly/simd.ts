// Helpers shared by the kernels. `ASC_FEATURE_RELAXED_SIMD` is a compile-time constant: the
// relaxed build fuses multiply and add (one rounding), the plain SIMD build rounds twice.

/** c + a·b on two f64 lanes. */
@inline export function madd64(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** c + a·b on four f32 lanes. */
@inline export function madd32(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** Two f32 lanes widened to f64: lanes 0–1 of `v`, or 2–3 when `high`. */
@inline export function widen(v: v128, high: bool): v128 {
  return high ? f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)) : f64x2.promote_low_f32x4(v);
}

/** Four f32 lanes from two f64x2 vectors (rounded to nearest). */
@inline export function narrow(lo: v128, hi: v128): v128 {
  const a = f32x4.demote_f64x2_zero(lo);
  const b = f32x4.demote_f64x2_zero(hi);
  return i32x4.shuffle(a, b, 0, 1, 4, 5);
}
