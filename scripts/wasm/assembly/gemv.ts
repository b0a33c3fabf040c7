// Matrix-vector product c[m] = op(A)·b for the one-column products of the small models (x·w with
// one output, xᵀ·g in its gradient), without the packing and the 4- or 8-column padding of the
// general product.
// NOTE: each c[i] is computed exactly as gemm's micro-kernels compute it, so results are bit
// for bit those of gemm: a multiply-add chain from 0 over each depth block of KC (madd, fused
// in the relaxed build), a block's chain then added to the previous blocks' total. Lanes hold
// different rows (independent chains), never partial sums of one row.
import { madd32, madd64 } from './simd';

const KC: i32 = 256; // as gemm.ts

/** c[i] of one depth block: either the block's chain, or the chain plus the earlier blocks' total. */
@inline function put64(c: usize, i: i32, v: f64, acc: bool): void {
  const dst = c + <usize>i * 8;
  store<f64>(dst, acc ? v + load<f64>(dst) : v);
}

@inline function put32(c: usize, i: i32, v: f32, acc: bool): void {
  const dst = c + <usize>i * 4;
  store<f32>(dst, acc ? v + load<f32>(dst) : v);
}

// NOTE: rows are taken four at a time: op(A)'s four values at depth p sit `rs` bytes apart (a
// row of A stored m×k: rs = k·E, step E along p) or side by side (A stored k×m: rs = E, step
// m·E). Rows past m read row m − 1 again (in bounds) and are not stored.
function gemv64(a: usize, b: usize, c: usize, m: i32, k: i32, transA: bool): void {
  const rs: usize = transA ? 8 : <usize>k * 8;
  const ps: usize = transA ? <usize>m * 8 : 8;
  for (let i = 0; i < m; i += 4) {
    const r1: usize = (i + 1 < m ? 1 : 0) * rs;
    const r2: usize = (i + 2 < m ? 2 : i + 1 < m ? 1 : 0) * rs;
    const r3: usize = (i + 3 < m ? 3 : i + 2 < m ? 2 : i + 1 < m ? 1 : 0) * rs;
    const row = a + <usize>i * rs;
    for (let pc = 0; pc < k; pc += KC) {
      const end = min(k, pc + KC);
      let lo = f64x2.splat(0);
      let hi = f64x2.splat(0);
      let ap = row + <usize>pc * ps;
      for (let p = pc; p < end; p++) {
        const bp = v128.load64_splat(b + <usize>p * 8);
        const x0 = f64x2.replace_lane(v128.load64_splat(ap), 1, load<f64>(ap + r1));
        const x1 = f64x2.replace_lane(v128.load64_splat(ap + r2), 1, load<f64>(ap + r3));
        lo = madd64(x0, bp, lo);
        hi = madd64(x1, bp, hi);
        ap += ps;
      }
      const acc = pc > 0;
      put64(c, i, f64x2.extract_lane(lo, 0), acc);
      if (i + 1 < m) put64(c, i + 1, f64x2.extract_lane(lo, 1), acc);
      if (i + 2 < m) put64(c, i + 2, f64x2.extract_lane(hi, 0), acc);
      if (i + 3 < m) put64(c, i + 3, f64x2.extract_lane(hi, 1), acc);
    }
  }
}

function gemv32(a: usize, b: usize, c: usize, m: i32, k: i32, transA: bool): void {
  const rs: usize = transA ? 4 : <usize>k * 4;
  const ps: usize = transA ? <usize>m * 4 : 4;
  for (let i = 0; i < m; i += 4) {
    const r1: usize = (i + 1 < m ? 1 : 0) * rs;
    const r2: usize = (i + 2 < m ? 2 : i + 1 < m ? 1 : 0) * rs;
    const r3: usize = (i + 3 < m ? 3 : i + 2 < m ? 2 : i + 1 < m ? 1 : 0) * rs;
    const row = a + <usize>i * rs;
    for (let pc = 0; pc < k; pc += KC) {
      const end = min(k, pc + KC);
      let acc = f32x4.splat(0);
      let ap = row + <usize>pc * ps;
      for (let p = pc; p < end; p++) {
        const bp = v128.load32_splat(b + <usize>p * 4);
        let x = v128.load32_splat(ap);
        x = f32x4.replace_lane(x, 1, load<f32>(ap + r1));
        x = f32x4.replace_lane(x, 2, load<f32>(ap + r2));
        x = f32x4.replace_lane(x, 3, load<f32>(ap + r3));
        acc = madd32(x, bp, acc);
        ap += ps;
      }
      const more = pc > 0;
      put32(c, i, f32x4.extract_lane(acc, 0), more);
      if (i + 1 < m) put32(c, i + 1, f32x4.extract_lane(acc, 1), more);
      if (i + 2 < m) put32(c, i + 2, f32x4.extract_lane(acc, 2), more);
      if (i + 3 < m) put32(c, i + 3, f32x4.extract_lane(acc, 3), more);
    }
  }
}

/** c[m] = op(A)·b in float64, A m×k (stored k×m when transA); pointers are byte offsets. */
export function gemvF64(a: usize, b: usize, c: usize, m: i32, k: i32, transA: bool): void {
  gemv64(a, b, c, m, k, transA);
}

/** c[m] = op(A)·b in float32. */
export function gemvF32(a: usize, b: usize, c: usize, m: i32, k: i32, transA: bool): void {
  gemv32(a, b, c, m, k, transA);
}
