// Packed matrix product (the BLIS loop nest): op(B) is packed once per product into KC×NR
// panels, then each part C[i0:i1, j0:j1] packs its own MR×KC panels of op(A) and runs the
// register-blocked micro-kernel over them, so several threads share a product without copying
// B twice. The transposes are absorbed by the packing: every layout runs the same micro-kernel.
import { madd32, madd64 } from './simd';

const KC: i32 = 256; // depth of a packed panel (op(B) micro-panel KC×NR stays in L1)
const MC: i32 = 128; // rows of op(A) packed at once (MC×KC stays in L2)
const MR64: i32 = 4;
const NR64: i32 = 4; // 4×4 f64 tile: 8 accumulators, measured fastest (larger tiles spill)
const MR32: i32 = 4;
const NR32: i32 = 8; // 4×8 f32 tile
const TILE_BYTES: usize = 256;

@inline function mrOf<T>(): i32 {
  return sizeof<T>() == 8 ? MR64 : MR32;
}
@inline function nrOf<T>(): i32 {
  return sizeof<T>() == 8 ? NR64 : NR32;
}

/** 4×4 f64 block: C (ldc bytes per row) = [C +] Σₚ a[p]ᵀ b[p] over packed panels. */
function micro64(kc: i32, ap: usize, bp: usize, c: usize, ldc: usize, acc: bool): void {
  let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp), b1 = v128.load(bp, 16);
    let a = v128.load64_splat(ap);
    c00 = madd64(a, b0, c00); c01 = madd64(a, b1, c01);
    a = v128.load64_splat(ap, 8);
    c10 = madd64(a, b0, c10); c11 = madd64(a, b1, c11);
    a = v128.load64_splat(ap, 16);
    c20 = madd64(a, b0, c20); c21 = madd64(a, b1, c21);
    a = v128.load64_splat(ap, 24);
    c30 = madd64(a, b0, c30); c31 = madd64(a, b1, c31);
    ap += 32;
    bp += 32;
  }
  if (acc) {
    c00 = f64x2.add(c00, v128.load(c)); c01 = f64x2.add(c01, v128.load(c, 16));
    c10 = f64x2.add(c10, v128.load(c + ldc)); c11 = f64x2.add(c11, v128.load(c + ldc, 16));
    c20 = f64x2.add(c20, v128.load(c + 2 * ldc)); c21 = f64x2.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f64x2.add(c30, v128.load(c + 3 * ldc)); c31 = f64x2.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00); v128.store(c, c01, 16);
  v128.store(c + ldc, c10); v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20); v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30); v128.store(c + 3 * ldc, c31, 16);
}

/** 4×8 f32 block, as micro64. */
function micro32(kc: i32, ap: usize, bp: usize, c: usize, ldc: usize, acc: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp), b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = madd32(a, b0, c00); c01 = madd32(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd32(a, b0, c10); c11 = madd32(a, b1, c11);
    a = v128.load32_splat(ap, 8);
    c20 = madd32(a, b0, c20); c21 = madd32(a, b1, c21);
    a = v128.load32_splat(ap, 12);
    c30 = madd32(a, b0, c30); c31 = madd32(a, b1, c31);
    ap += 16;
    bp += 32;
  }
  if (acc) {
    c00 = f32x4.add(c00, v128.load(c)); c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c + ldc)); c11 = f32x4.add(c11, v128.load(c + ldc, 16));
    c20 = f32x4.add(c20, v128.load(c + 2 * ldc)); c21 = f32x4.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f32x4.add(c30, v128.load(c + 3 * ldc)); c31 = f32x4.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00); v128.store(c, c01, 16);
  v128.store(c + ldc, c10); v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20); v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30); v128.store(c + 3 * ldc, c31, 16);
}

/** Copies rows ic…ic+mc of op(A), depth pc…pc+kc, into MR-row panels (zero-padded). */
function packA<T>(a: usize, m: i32, k: i32, transA: bool, ic: i32, mc: i32, pc: i32, kc: i32, dst: usize): void {
  const MR = mrOf<T>();
  const E = sizeof<T>();
  for (let ip = 0; ip < mc; ip += MR) {
    const rows = min(MR, mc - ip);
    const r0 = ic + ip;
    if (transA) {
      // A is stored k×m: the MR values of one depth are contiguous.
      for (let p = 0; p < kc; p++) {
        const src = a + (<usize>(pc + p) * m + r0) * E;
        for (let i = 0; i < MR; i++) store<T>(dst + <usize>i * E, i < rows ? load<T>(src + <usize>i * E) : <T>0);
        dst += <usize>MR * E;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const src = a + (<usize>r0 * k + pc + p) * E;
        for (let i = 0; i < MR; i++)
          store<T>(dst + <usize>i * E, i < rows ? load<T>(src + <usize>i * k * E) : <T>0);
        dst += <usize>MR * E;
      }
    }
  }
}

/** Copies columns jc…jc+nc of op(B), depth pc…pc+kc, into NR-column panels (zero-padded). */
function packB<T>(b: usize, k: i32, n: i32, transB: bool, pc: i32, kc: i32, jc: i32, nc: i32, dst: usize): void {
  const NR = nrOf<T>();
  const E = sizeof<T>();
  for (let jp = 0; jp < nc; jp += NR) {
    const cols = min(NR, nc - jp);
    const c0 = jc + jp;
    if (!transB && cols == NR) {
      // B is stored k×n: NR values of one depth are contiguous (two v128 in both dtypes).
      for (let p = 0; p < kc; p++) {
        const src = b + (<usize>(pc + p) * n + c0) * E;
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        dst += <usize>NR * E;
      }
    } else if (!transB) {
      for (let p = 0; p < kc; p++) {
        const src = b + (<usize>(pc + p) * n + c0) * E;
        for (let j = 0; j < NR; j++) store<T>(dst + <usize>j * E, j < cols ? load<T>(src + <usize>j * E) : <T>0);
        dst += <usize>NR * E;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const src = b + (<usize>c0 * k + pc + p) * E;
        for (let j = 0; j < NR; j++)
          store<T>(dst + <usize>j * E, j < cols ? load<T>(src + <usize>j * k * E) : <T>0);
        dst += <usize>NR * E;
      }
    }
  }
}

/** Bytes of scratch each thread needs (edge tile and packed op(A) block). */
export function gemmWorkBytes(elementBytes: i32): usize {
  return TILE_BYTES + <usize>MC * KC * elementBytes;
}

@inline export function paddedCols<T>(n: i32): i32 {
  const NR = nrOf<T>();
  return (n + NR - 1) / NR * NR;
}

/** Bytes of the whole op(B) packed for gemm (k × n rounded up to whole panels). */
export function gemmPackedBBytes(elementBytes: i32, k: i32, n: i32): usize {
  return elementBytes == 8
    ? <usize>k * paddedCols<f64>(n) * 8
    : <usize>k * paddedCols<f32>(n) * 4;
}

/**
 * Packs all of op(B), once per product, shared by every part: depth block pc (KC deep) holds
 * its NR-column panels one after another from byte pc·n̄·E (n̄ = n rounded up to panels).
 */
export function packAllB<T>(b: usize, k: i32, n: i32, transB: bool, dst: usize): void {
  const nPad = paddedCols<T>(n);
  for (let pc = 0; pc < k; pc += KC) {
    packB<T>(b, k, n, transB, pc, min(KC, k - pc), 0, n, dst + <usize>pc * nPad * sizeof<T>());
  }
}

/**
 * C[i0:i1, j0:j1] = op(A)·op(B) from the packed op(B) (j0 a multiple of NR). Parts of one
 * product write disjoint blocks of C, so threads can share it.
 */
export function gemm<T>(a: usize, bp: usize, c: usize, m: i32, k: i32, n: i32, transA: bool,
  i0: i32, i1: i32, j0: i32, j1: i32, work: usize): void {
  const MR = mrOf<T>();
  const NR = nrOf<T>();
  const E = sizeof<T>();
  const ldc = <usize>n * E;
  if (k == 0) {
    for (let i = i0; i < i1; i++) memory.fill(c + (<usize>i * n + j0) * E, 0, <usize>(j1 - j0) * E);
    return;
  }
  const nPad = paddedCols<T>(n);
  const tile = work;
  const ap = work + TILE_BYTES;
  const ldt = <usize>NR * E;
  for (let pc = 0; pc < k; pc += KC) {
    const kc = min(KC, k - pc);
    const acc = pc > 0;
    const bBlock = bp + <usize>pc * nPad * E;
    for (let ic = i0; ic < i1; ic += MC) {
      const mc = min(MC, i1 - ic);
      packA<T>(a, m, k, transA, ic, mc, pc, kc, ap);
      for (let jr = j0; jr < j1; jr += NR) {
        const cols = min(NR, j1 - jr);
        const bptr = bBlock + <usize>jr * kc * E;
        for (let ir = 0; ir < mc; ir += MR) {
          const rows = min(MR, mc - ir);
          const cptr = c + <usize>(ic + ir) * ldc + <usize>jr * E;
          const aptr = ap + <usize>ir * kc * E;
          if (rows == MR && cols == NR) {
            if (sizeof<T>() == 8) micro64(kc, aptr, bptr, cptr, ldc, acc);
            else micro32(kc, aptr, bptr, cptr, ldc, acc);
            continue;
          }
          if (sizeof<T>() == 8) micro64(kc, aptr, bptr, tile, ldt, false);
          else micro32(kc, aptr, bptr, tile, ldt, false);
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < cols; j++) {
              const dst = cptr + <usize>i * ldc + <usize>j * E;
              const v = load<T>(tile + <usize>i * ldt + <usize>j * E);
              store<T>(dst, acc ? load<T>(dst) + v : v);
            }
          }
        }
      }
    }
  }
}

/** Packs op(B) of a float64 product (pointers are byte offsets, booleans 0/1). */
export function gemmPackBF64(b: usize, k: i32, n: i32, transB: bool, dst: usize): void {
  packAllB<f64>(b, k, n, transB, dst);
}

/** Packs op(B) of a float32 product. */
export function gemmPackBF32(b: usize, k: i32, n: i32, transB: bool, dst: usize): void {
  packAllB<f32>(b, k, n, transB, dst);
}

/** One part of a float64 product, from op(B) packed by gemmPackBF64. */
export function gemmF64(a: usize, bp: usize, c: usize, m: i32, k: i32, n: i32, transA: bool,
  i0: i32, i1: i32, j0: i32, j1: i32, work: usize): void {
  gemm<f64>(a, bp, c, m, k, n, transA, i0, i1, j0, j1, work);
}

/** One part of a float32 product, from op(B) packed by gemmPackBF32. */
export function gemmF32(a: usize, bp: usize, c: usize, m: i32, k: i32, n: i32, transA: bool,
  i0: i32, i1: i32, j0: i32, j1: i32, work: usize): void {
  gemm<f32>(a, bp, c, m, k, n, transA, i0, i1, j0, j1, work);
}
