// Reductions over one contiguous block of axes: x seen as [outer, mid, inner] and
// out[o, i] = ⊕ₘ x[o, m, i]. Op codes: 0 sum, 1 max, 2 min (NaN propagates, as in the JS kernel).

const NEG_INF: f64 = -Infinity;
const POS_INF: f64 = Infinity;

// x ⊕ acc for max/min: x replaces acc when it is larger (smaller) or NaN, as `x > acc || isNaN(x)`.
@inline function pick64(op: i32, acc: v128, x: v128): v128 {
  if (op == 0) return f64x2.add(acc, x);
  const take = op == 1 ? f64x2.gt(x, acc) : f64x2.lt(x, acc);
  return v128.bitselect(x, acc, v128.or(take, f64x2.ne(x, x)));
}

@inline function pick32(op: i32, acc: v128, x: v128): v128 {
  if (op == 0) return f32x4.add(acc, x);
  const take = op == 1 ? f32x4.gt(x, acc) : f32x4.lt(x, acc);
  return v128.bitselect(x, acc, v128.or(take, f32x4.ne(x, x)));
}

@inline function initOf(op: i32): f64 {
  return op == 0 ? 0 : op == 1 ? NEG_INF : POS_INF;
}

/** ⊕ of a contiguous run of f64 (inner = 1), two lanes × two accumulators. */
@inline function run64(op: i32, x: usize, n: i32): f64 {
  let a0 = f64x2.splat(initOf(op));
  let a1 = a0;
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    a0 = pick64(op, a0, v128.load(x + (<usize>i << 3)));
    a1 = pick64(op, a1, v128.load(x + (<usize>i << 3), 16));
  }
  a0 = pick64(op, a0, a1);
  let acc = f64x2.extract_lane(pick64(op, a0, f64x2.splat(f64x2.extract_lane(a0, 1))), 0);
  for (; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    acc = f64x2.extract_lane(pick64(op, f64x2.splat(acc), f64x2.splat(v)), 0);
  }
  return acc;
}

/** ⊕ of a contiguous run of f32; sums accumulate in f64 (as the JS kernel's number accumulator). */
@inline function run32(op: i32, x: usize, n: i32): f32 {
  if (op == 0) {
    let a0 = f64x2.splat(0);
    let a1 = a0;
    const n4 = n & ~3;
    let i = 0;
    for (; i < n4; i += 4) {
      const v = v128.load(x + (<usize>i << 2));
      a0 = f64x2.add(a0, f64x2.promote_low_f32x4(v));
      a1 = f64x2.add(a1, f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)));
    }
    a0 = f64x2.add(a0, a1);
    let acc = f64x2.extract_lane(a0, 0) + f64x2.extract_lane(a0, 1);
    for (; i < n; i++) acc += <f64>load<f32>(x + (<usize>i << 2));
    return <f32>acc;
  }
  let a = f32x4.splat(<f32>initOf(op));
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) a = pick32(op, a, v128.load(x + (<usize>i << 2)));
  let acc = f32x4.splat(f32x4.extract_lane(a, 0));
  acc = pick32(op, acc, f32x4.splat(f32x4.extract_lane(a, 1)));
  acc = pick32(op, acc, f32x4.splat(f32x4.extract_lane(a, 2)));
  acc = pick32(op, acc, f32x4.splat(f32x4.extract_lane(a, 3)));
  for (; i < n; i++) acc = pick32(op, acc, v128.load32_splat(x + (<usize>i << 2)));
  return f32x4.extract_lane(acc, 0);
}

@inline function reduce(op: i32, e: i32, x: usize, out: usize, outer: i32, mid: i32, inner: i32): void {
  if (inner == 1) {
    for (let o = 0; o < outer; o++) {
      const src = x + <usize>o * mid * e;
      if (e == 8) store<f64>(out + (<usize>o << 3), run64(op, src, mid));
      else store<f32>(out + (<usize>o << 2), run32(op, src, mid));
    }
    return;
  }
  // Column-wise: the first row starts the accumulators in `out`, later rows fold into it.
  const rowBytes = <usize>inner * e;
  for (let o = 0; o < outer; o++) {
    const dst = out + <usize>o * rowBytes;
    const src = x + <usize>o * mid * rowBytes;
    if (mid == 0) {
      for (let i = 0; i < inner; i++) {
        if (e == 8) store<f64>(dst + (<usize>i << 3), initOf(op));
        else store<f32>(dst + (<usize>i << 2), <f32>initOf(op));
      }
      continue;
    }
    memory.copy(dst, src, rowBytes);
    for (let m = 1; m < mid; m++) {
      const row = src + <usize>m * rowBytes;
      let i = 0;
      if (e == 8) {
        for (; i + 2 <= inner; i += 2) {
          const p = dst + (<usize>i << 3);
          v128.store(p, pick64(op, v128.load(p), v128.load(row + (<usize>i << 3))));
        }
        for (; i < inner; i++) {
          const p = dst + (<usize>i << 3);
          const v = pick64(op, v128.load64_splat(p), v128.load64_splat(row + (<usize>i << 3)));
          store<f64>(p, f64x2.extract_lane(v, 0));
        }
      } else {
        for (; i + 4 <= inner; i += 4) {
          const p = dst + (<usize>i << 2);
          v128.store(p, pick32(op, v128.load(p), v128.load(row + (<usize>i << 2))));
        }
        for (; i < inner; i++) {
          const p = dst + (<usize>i << 2);
          const v = pick32(op, v128.load32_splat(p), v128.load32_splat(row + (<usize>i << 2)));
          store<f32>(p, f32x4.extract_lane(v, 0));
        }
      }
    }
  }
}

/** out[o, i] = ⊕ₘ x[o, m, i] on float64. Returns 1 for an unknown op. */
export function reduceF64(op: i32, x: usize, out: usize, outer: i32, mid: i32, inner: i32): i32 {
  switch (op) {
    case 0: reduce(0, 8, x, out, outer, mid, inner); break;
    case 1: reduce(1, 8, x, out, outer, mid, inner); break;
    case 2: reduce(2, 8, x, out, outer, mid, inner); break;
    default: return 1;
  }
  return 0;
}

/** As reduceF64 on float32. */
export function reduceF32(op: i32, x: usize, out: usize, outer: i32, mid: i32, inner: i32): i32 {
  switch (op) {
    case 0: reduce(0, 4, x, out, outer, mid, inner); break;
    case 1: reduce(1, 4, x, out, outer, mid, inner); break;
    case 2: reduce(2, 4, x, out, outer, mid, inner); break;
    default: return 1;
  }
  return 0;
}
