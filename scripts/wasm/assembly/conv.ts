// 2-D convolution as im2col + the packed matrix product of gemm.ts, one sample and one channel
// group at a time, so the column matrix stays small (K × P, K = C/groups·kh·kw taps, P = oh·ow
// output positions) and warm in cache:
//   forward          y[s,g] (og × P)   = W[g] (og × K) · cols(x[s,g]) (K × P)
//   backprop input   dcols (K × P)     = W[g]ᵀ · dy[s,g],  then dx[s,g] += col2im(dcols)
//   backprop filter  dW[g] (og × K)   += dy[s,g] · cols(x[s,g])ᵀ
// The geometry is 16 i32 at `geom` (the order of GEOM below, as lib/backend/wasm/conv2dWasm.ts
// writes it). A range of samples s0…s1 is one part of a job, so threads can share a batch.
import { gemm, gemmWorkBytes, packAllB, paddedCols } from './gemm';

const N = 0, C = 1, H = 2, W = 3, O = 4, GROUPS = 5, KH = 6, KW = 7;
const SH = 8, SW = 9, DH = 10, DW = 11, PT = 12, PL = 13, OH = 14, OW = 15;

@inline function gi(geom: usize, field: i32): i32 {
  return load<i32>(geom + (<usize>field << 2));
}

/** First output position o ≥ 0 whose tap o·s + off lands at ≥ 0, and one past the last inside [0, size). */
@inline function lo(off: i32, s: i32, out: i32): i32 {
  return off >= 0 ? 0 : min((-off + s - 1) / s, out);
}
@inline function hi(off: i32, s: i32, size: i32, out: i32): i32 {
  const last = size - 1 - off;
  return last < 0 ? 0 : min(last / s + 1, out);
}

@inline function zero<T>(at: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<T>(at + <usize>i * sizeof<T>(), <T>0);
}

/**
 * cols[r, p] for the cg channels at x (one sample's group): row r = (c·kh + i)·kw + j,
 * column p = oy·ow + ox, zero where the tap falls in the padding.
 */
function im2col<T>(x: usize, cg: i32, geom: usize, cols: usize): void {
  const E = <usize>sizeof<T>();
  const h = gi(geom, H), w = gi(geom, W), kh = gi(geom, KH), kw = gi(geom, KW);
  const sh = gi(geom, SH), sw = gi(geom, SW), dh = gi(geom, DH), dw = gi(geom, DW);
  const pt = gi(geom, PT), pl = gi(geom, PL), oh = gi(geom, OH), ow = gi(geom, OW);
  let dst = cols;
  for (let c = 0; c < cg; c++) {
    const plane = x + <usize>(c * h * w) * E;
    for (let i = 0; i < kh; i++) {
      const offY = i * dh - pt;
      const y0 = lo(offY, sh, oh), y1 = max(hi(offY, sh, h, oh), y0);
      for (let j = 0; j < kw; j++) {
        const offX = j * dw - pl;
        const x0 = lo(offX, sw, ow), x1 = max(hi(offX, sw, w, ow), x0);
        // NOTE: rows are short (oh·ow of 196 or 784 values in rows of 7 to 28): explicit loops,
        // since memory.copy and memory.fill of a few dozen bytes cost a call each
        zero<T>(dst, y0 * ow);
        for (let oy = y0; oy < y1; oy++) {
          const row = dst + <usize>(oy * ow) * E;
          zero<T>(row, x0);
          const src = plane + <usize>((oy * sh + offY) * w + x0 * sw + offX) * E;
          for (let ox = x0; ox < x1; ox++) {
            store<T>(row + <usize>ox * E, load<T>(src + <usize>((ox - x0) * sw) * E));
          }
          zero<T>(row + <usize>x1 * E, ow - x1);
        }
        zero<T>(dst + <usize>(y1 * ow) * E, (oh - y1) * ow);
        dst += <usize>(oh * ow) * E;
      }
    }
  }
}

/** dx (the cg channels at x) += col2im(cols): each column entry back to the input it was read from. */
function col2im<T>(cols: usize, cg: i32, geom: usize, x: usize): void {
  const E = <usize>sizeof<T>();
  const h = gi(geom, H), w = gi(geom, W), kh = gi(geom, KH), kw = gi(geom, KW);
  const sh = gi(geom, SH), sw = gi(geom, SW), dh = gi(geom, DH), dw = gi(geom, DW);
  const pt = gi(geom, PT), pl = gi(geom, PL), oh = gi(geom, OH), ow = gi(geom, OW);
  let src = cols;
  for (let c = 0; c < cg; c++) {
    const plane = x + <usize>(c * h * w) * E;
    for (let i = 0; i < kh; i++) {
      const offY = i * dh - pt;
      const y0 = lo(offY, sh, oh), y1 = max(hi(offY, sh, h, oh), y0);
      for (let j = 0; j < kw; j++) {
        const offX = j * dw - pl;
        const x0 = lo(offX, sw, ow), x1 = max(hi(offX, sw, w, ow), x0);
        for (let oy = y0; oy < y1; oy++) {
          const row = src + <usize>(oy * ow) * E;
          const dst = plane + <usize>((oy * sh + offY) * w + x0 * sw + offX) * E;
          for (let ox = x0; ox < x1; ox++) {
            const at = dst + <usize>((ox - x0) * sw) * E;
            store<T>(at, load<T>(at) + load<T>(row + <usize>ox * E));
          }
        }
        src += <usize>(oh * ow) * E;
      }
    }
  }
}

@inline function padded(n: i32): usize {
  return <usize>((n + 7) & ~7);
}

@inline function align(bytes: usize): usize {
  return (bytes + 63) & ~63;
}

/** Taps per output position, K = C/groups · kh · kw. */
@inline function tapsOf(geom: usize): i32 {
  return gi(geom, C) / gi(geom, GROUPS) * gi(geom, KH) * gi(geom, KW);
}

// One thread's scratch, from `work`: the column matrix (K × P), a packed operand (cols, dy or
// colsᵀ, columns rounded up to whole panels), a filter tile (og × K), then gemm's own.
@inline function colsBytes(geom: usize, E: usize): usize {
  return align(<usize>tapsOf(geom) * <usize>(gi(geom, OH) * gi(geom, OW)) * E);
}
@inline function packedBytes(geom: usize, E: usize): usize {
  const k = tapsOf(geom);
  const og = gi(geom, O) / gi(geom, GROUPS);
  const p = gi(geom, OH) * gi(geom, OW);
  return align(max(max(<usize>k * padded(p), <usize>og * padded(p)), <usize>p * padded(k)) * E);
}
@inline function tileBytes(geom: usize, E: usize): usize {
  return align(<usize>(gi(geom, O) / gi(geom, GROUPS)) * <usize>tapsOf(geom) * E);
}

/** Bytes of scratch one thread needs for a convolution of this geometry. */
export function conv2dWorkBytes(elementBytes: i32, geom: usize): usize {
  const E = <usize>elementBytes;
  return colsBytes(geom, E) + packedBytes(geom, E) + tileBytes(geom, E) + gemmWorkBytes(elementBytes);
}

function forward<T>(x: usize, wt: usize, b: usize, y: usize, geom: usize, s0: i32, s1: i32, work: usize): void {
  const E = <usize>sizeof<T>();
  const c = gi(geom, C), o = gi(geom, O), groups = gi(geom, GROUPS);
  const cg = c / groups, og = o / groups;
  const k = cg * gi(geom, KH) * gi(geom, KW);
  const p = gi(geom, OH) * gi(geom, OW);
  const hw = gi(geom, H) * gi(geom, W);
  const cols = work;
  const packed = cols + colsBytes(geom, E);
  const tile = packed + packedBytes(geom, E);
  const gw = tile + tileBytes(geom, E);
  for (let s = s0; s < s1; s++) {
    for (let g = 0; g < groups; g++) {
      im2col<T>(x + <usize>((s * c + g * cg) * hw) * E, cg, geom, cols);
      packAllB<T>(cols, k, p, false, packed);
      const out = y + <usize>((s * o + g * og) * p) * E;
      gemm<T>(wt + <usize>(g * og * k) * E, packed, out, og, k, p, false, 0, og, 0, p, gw);
      if (b != 0) {
        for (let r = 0; r < og; r++) {
          const bias = load<T>(b + <usize>(g * og + r) * E);
          const row = out + <usize>(r * p) * E;
          for (let q = 0; q < p; q++) store<T>(row + <usize>q * E, load<T>(row + <usize>q * E) + bias);
        }
      }
    }
  }
}

function backpropInput<T>(dy: usize, wt: usize, dx: usize, geom: usize, s0: i32, s1: i32, work: usize): void {
  const E = <usize>sizeof<T>();
  const c = gi(geom, C), o = gi(geom, O), groups = gi(geom, GROUPS);
  const cg = c / groups, og = o / groups;
  const k = cg * gi(geom, KH) * gi(geom, KW);
  const p = gi(geom, OH) * gi(geom, OW);
  const hw = gi(geom, H) * gi(geom, W);
  const cols = work;
  const packed = cols + colsBytes(geom, E);
  const tile = packed + packedBytes(geom, E);
  const gw = tile + tileBytes(geom, E);
  memory.fill(dx + <usize>(s0 * c * hw) * E, 0, <usize>((s1 - s0) * c * hw) * E);
  for (let s = s0; s < s1; s++) {
    for (let g = 0; g < groups; g++) {
      packAllB<T>(dy + <usize>((s * o + g * og) * p) * E, og, p, false, packed);
      // dcols (K × P) = W[g]ᵀ · dy[s,g]: W[g] is stored og × K, so op(A) is its transpose
      gemm<T>(wt + <usize>(g * og * k) * E, packed, cols, k, og, p, true, 0, k, 0, p, gw);
      col2im<T>(cols, cg, geom, dx + <usize>((s * c + g * cg) * hw) * E);
    }
  }
}

/** dw = Σ over samples s0…s1 (overwritten): each part of a shared job writes its own dw. */
function backpropFilter<T>(x: usize, dy: usize, dw: usize, geom: usize, s0: i32, s1: i32, work: usize): void {
  const E = <usize>sizeof<T>();
  const c = gi(geom, C), o = gi(geom, O), groups = gi(geom, GROUPS);
  const cg = c / groups, og = o / groups;
  const k = cg * gi(geom, KH) * gi(geom, KW);
  const p = gi(geom, OH) * gi(geom, OW);
  const hw = gi(geom, H) * gi(geom, W);
  const cols = work;
  const packed = cols + colsBytes(geom, E);
  const tile = packed + packedBytes(geom, E);
  const gw = tile + tileBytes(geom, E);
  memory.fill(dw, 0, <usize>(o * k) * E);
  for (let s = s0; s < s1; s++) {
    for (let g = 0; g < groups; g++) {
      im2col<T>(x + <usize>((s * c + g * cg) * hw) * E, cg, geom, cols);
      // colsᵀ (P × K) packed from cols stored K × P
      packAllB<T>(cols, p, k, true, packed);
      gemm<T>(dy + <usize>((s * o + g * og) * p) * E, packed, tile, og, p, k, false, 0, og, 0, k, gw);
      const dst = dw + <usize>(g * og * k) * E;
      for (let q = 0; q < og * k; q++) {
        const at = dst + <usize>q * E;
        store<T>(at, load<T>(at) + load<T>(tile + <usize>q * E));
      }
    }
  }
}

// Exports: pointers are byte offsets; b = 0 means no bias. The unused arguments keep the calling
// convention of a thread-pool job (7 arguments, a part's range i0 i1 j0 j1, the work buffer):
// here the part is the samples i0…i1, and a filter gradient's part writes the j0-th dw of a
// row of them (summed by the caller).

export function conv2dF64(x: usize, w: usize, b: usize, y: usize, geom: usize, _a: i32, _b: i32,
  s0: i32, s1: i32, _j0: i32, _j1: i32, work: usize): void {
  forward<f64>(x, w, b, y, geom, s0, s1, work);
}
export function conv2dF32(x: usize, w: usize, b: usize, y: usize, geom: usize, _a: i32, _b: i32,
  s0: i32, s1: i32, _j0: i32, _j1: i32, work: usize): void {
  forward<f32>(x, w, b, y, geom, s0, s1, work);
}
export function conv2dBackpropInputF64(dy: usize, w: usize, dx: usize, geom: usize, _a: i32, _b: i32, _c: i32,
  s0: i32, s1: i32, _j0: i32, _j1: i32, work: usize): void {
  backpropInput<f64>(dy, w, dx, geom, s0, s1, work);
}
export function conv2dBackpropInputF32(dy: usize, w: usize, dx: usize, geom: usize, _a: i32, _b: i32, _c: i32,
  s0: i32, s1: i32, _j0: i32, _j1: i32, work: usize): void {
  backpropInput<f32>(dy, w, dx, geom, s0, s1, work);
}
@inline function filterBytes(geom: usize, E: usize): usize {
  return <usize>gi(geom, O) * <usize>tapsOf(geom) * E;
}
export function conv2dBackpropFilterF64(x: usize, dy: usize, dw: usize, geom: usize, _a: i32, _b: i32, _c: i32,
  s0: i32, s1: i32, slot: i32, _j1: i32, work: usize): void {
  backpropFilter<f64>(x, dy, dw + <usize>slot * filterBytes(geom, 8), geom, s0, s1, work);
}
export function conv2dBackpropFilterF32(x: usize, dy: usize, dw: usize, geom: usize, _a: i32, _b: i32, _c: i32,
  s0: i32, s1: i32, slot: i32, _j1: i32, work: usize): void {
  backpropFilter<f32>(x, dy, dw + <usize>slot * filterBytes(geom, 4), geom, s0, s1, work);
}
