// Elementwise functions of two arrays over an R×C output. Each operand is laid out as one of
// FULL (index r·C + c), ROW (c: the bias add), COL (r: one value per row) or SCALAR (0), which
// covers every broadcast the training workloads use; other broadcasts stay in JS. Op codes
// match the `wasm` codes of BINARY_KERNELS in lib/backend/elementwiseKernels.ts.

const FULL: i32 = 0;
const ROW: i32 = 1;
const COL: i32 = 2;

@inline function op64(op: i32, x: v128, y: v128): v128 {
  switch (op) {
    case 0: return f64x2.add(x, y);
    case 1: return f64x2.sub(x, y);
    case 2: return f64x2.mul(x, y);
    case 3: return f64x2.div(x, y);
    // maximum: x ≥ y or x is NaN ? x : y (as the JS kernel, so NaN propagates from either side)
    case 4: return v128.bitselect(x, y, v128.or(f64x2.ge(x, y), f64x2.ne(x, x)));
    case 5: return v128.bitselect(x, y, v128.or(f64x2.le(x, y), f64x2.ne(x, x)));
    // reluGrad: x·step(y), a multiply (not a select) so that NaN and ∞ in x behave as in JS;
    // step(NaN) = NaN, so a NaN input is not hidden
    case 6: return f64x2.mul(x, v128.or(v128.and(f64x2.splat(1.0), f64x2.gt(y, f64x2.splat(0))), v128.and(y, f64x2.ne(y, y))));
    default: return x;
  }
}

@inline function op32(op: i32, x: v128, y: v128): v128 {
  switch (op) {
    case 0: return f32x4.add(x, y);
    case 1: return f32x4.sub(x, y);
    case 2: return f32x4.mul(x, y);
    case 3: return f32x4.div(x, y);
    case 4: return v128.bitselect(x, y, v128.or(f32x4.ge(x, y), f32x4.ne(x, x)));
    case 5: return v128.bitselect(x, y, v128.or(f32x4.le(x, y), f32x4.ne(x, x)));
    case 6: return f32x4.mul(x, v128.or(v128.and(f32x4.splat(1.0), f32x4.gt(y, f32x4.splat(0))), v128.and(y, f32x4.ne(y, y))));
    default: return x;
  }
}

/** One output row: `va`/`vb` tell whether an operand runs along the row or is one repeated value. */
@inline function row64(op: i32, a: usize, va: bool, b: usize, vb: bool, o: usize, c: i32): void {
  const n2 = c & ~1;
  const sa = v128.load64_splat(a);
  const sb = v128.load64_splat(b);
  let i = 0;
  if (va && vb) for (; i < n2; i += 2) v128.store(o + (<usize>i << 3), op64(op, v128.load(a + (<usize>i << 3)), v128.load(b + (<usize>i << 3))));
  else if (va) for (; i < n2; i += 2) v128.store(o + (<usize>i << 3), op64(op, v128.load(a + (<usize>i << 3)), sb));
  else if (vb) for (; i < n2; i += 2) v128.store(o + (<usize>i << 3), op64(op, sa, v128.load(b + (<usize>i << 3))));
  else for (; i < n2; i += 2) v128.store(o + (<usize>i << 3), op64(op, sa, sb));
  for (; i < c; i++) {
    const x = va ? v128.load64_splat(a + (<usize>i << 3)) : sa;
    const y = vb ? v128.load64_splat(b + (<usize>i << 3)) : sb;
    store<f64>(o + (<usize>i << 3), f64x2.extract_lane(op64(op, x, y), 0));
  }
}

@inline function row32(op: i32, a: usize, va: bool, b: usize, vb: bool, o: usize, c: i32): void {
  const n4 = c & ~3;
  const sa = v128.load32_splat(a);
  const sb = v128.load32_splat(b);
  let i = 0;
  if (va && vb) for (; i < n4; i += 4) v128.store(o + (<usize>i << 2), op32(op, v128.load(a + (<usize>i << 2)), v128.load(b + (<usize>i << 2))));
  else if (va) for (; i < n4; i += 4) v128.store(o + (<usize>i << 2), op32(op, v128.load(a + (<usize>i << 2)), sb));
  else if (vb) for (; i < n4; i += 4) v128.store(o + (<usize>i << 2), op32(op, sa, v128.load(b + (<usize>i << 2))));
  else for (; i < n4; i += 4) v128.store(o + (<usize>i << 2), op32(op, sa, sb));
  for (; i < c; i++) {
    const x = va ? v128.load32_splat(a + (<usize>i << 2)) : sa;
    const y = vb ? v128.load32_splat(b + (<usize>i << 2)) : sb;
    store<f32>(o + (<usize>i << 2), f32x4.extract_lane(op32(op, x, y), 0));
  }
}

@inline function rows(op: i32, e: i32, a: usize, am: i32, b: usize, bm: i32, o: usize, r: i32, c: i32): void {
  const rowBytes = <usize>c * e;
  for (let i = 0; i < r; i++) {
    const pa = am == FULL ? a + <usize>i * rowBytes : am == COL ? a + <usize>i * e : a;
    const pb = bm == FULL ? b + <usize>i * rowBytes : bm == COL ? b + <usize>i * e : b;
    const va = am == FULL || am == ROW;
    const vb = bm == FULL || bm == ROW;
    if (e == 8) row64(op, pa, va, pb, vb, o + <usize>i * rowBytes, c);
    else row32(op, pa, va, pb, vb, o + <usize>i * rowBytes, c);
  }
}

/** out[r, c] = a ∘ b on float64; am/bm are the operand layouts. Returns 1 for an unknown op. */
export function binaryF64(op: i32, a: usize, am: i32, b: usize, bm: i32, o: usize, r: i32, c: i32): i32 {
  switch (op) {
    case 0: rows(0, 8, a, am, b, bm, o, r, c); break;
    case 1: rows(1, 8, a, am, b, bm, o, r, c); break;
    case 2: rows(2, 8, a, am, b, bm, o, r, c); break;
    case 3: rows(3, 8, a, am, b, bm, o, r, c); break;
    case 4: rows(4, 8, a, am, b, bm, o, r, c); break;
    case 5: rows(5, 8, a, am, b, bm, o, r, c); break;
    case 6: rows(6, 8, a, am, b, bm, o, r, c); break;
    default: return 1;
  }
  return 0;
}

/** As binaryF64 on float32. */
export function binaryF32(op: i32, a: usize, am: i32, b: usize, bm: i32, o: usize, r: i32, c: i32): i32 {
  switch (op) {
    case 0: rows(0, 4, a, am, b, bm, o, r, c); break;
    case 1: rows(1, 4, a, am, b, bm, o, r, c); break;
    case 2: rows(2, 4, a, am, b, bm, o, r, c); break;
    case 3: rows(3, 4, a, am, b, bm, o, r, c); break;
    case 4: rows(4, 4, a, am, b, bm, o, r, c); break;
    case 5: rows(5, 4, a, am, b, bm, o, r, c); break;
    case 6: rows(6, 4, a, am, b, bm, o, r, c); break;
    default: return 1;
  }
  return 0;
}
