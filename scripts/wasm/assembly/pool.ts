// Max pooling: for each output position, its window's largest element and that element's flat
// index into x (the first of ties in row-major window order; a NaN wins; padding never does),
// as lib/backend/pool2dKernels.ts. The geometry is the 16 i32 of conv.ts (O and GROUPS unused).

const N = 0, C = 1, H = 2, W = 3, KH = 6, KW = 7;
const SH = 8, SW = 9, DH = 10, DW = 11, PT = 12, PL = 13, OH = 14, OW = 15;

@inline function gi(geom: usize, field: i32): i32 {
  return load<i32>(geom + (<usize>field << 2));
}

/** v replaces the best so far when larger, or NaN over a number (no branch: maxima are random). */
@inline function better<T>(v: T, top: T): bool {
  return <bool>(<i32>(v > top) | (<i32>(v != v) & <i32>(top == top)));
}

/** v replaces `top` in the lanes where it is larger, or NaN over a number (f32x4 lanes). */
@inline function better32(v: v128, top: v128): v128 {
  return v128.or(f32x4.gt(v, top), v128.and(f32x4.ne(v, v), f32x4.eq(top, top)));
}

/**
 * The common case, 2×2 windows with stride 2 and no padding or dilation, four outputs at a time
 * in f32: each row pair's eight inputs are split into even and odd columns, and the four
 * candidates of each window compared lane by lane in row-major order (so ties and NaN go as in
 * the general loop). Returns the outputs done in `row` (the rest go through the general loop).
 */
@inline function pool2x2Row32(x: usize, y: usize, out: usize, r0: i32, w: i32, ow: i32): i32 {
  let ox = 0;
  const lanes = i32x4(0, 2, 4, 6);
  for (; ox + 4 <= ow; ox += 4) {
    const at = r0 + 2 * ox;
    const p = x + (<usize>at << 2);
    const a = v128.load(p), b = v128.load(p, 16);
    const c = v128.load(p + (<usize>w << 2)), d = v128.load(p + (<usize>w << 2), 16);
    let top = i32x4.shuffle(a, b, 0, 2, 4, 6);
    let best = i32x4.add(i32x4.splat(at), lanes);
    let v = i32x4.shuffle(a, b, 1, 3, 5, 7);
    let take = better32(v, top);
    top = v128.bitselect(v, top, take);
    best = v128.bitselect(i32x4.add(best, i32x4.splat(1)), best, take);
    const first = i32x4.add(i32x4.splat(at + w), lanes);
    v = i32x4.shuffle(c, d, 0, 2, 4, 6);
    take = better32(v, top);
    top = v128.bitselect(v, top, take);
    best = v128.bitselect(first, best, take);
    v = i32x4.shuffle(c, d, 1, 3, 5, 7);
    take = better32(v, top);
    top = v128.bitselect(v, top, take);
    best = v128.bitselect(i32x4.add(first, i32x4.splat(1)), best, take);
    v128.store(y + (<usize>ox << 2), top);
    v128.store(out + (<usize>ox << 2), best);
  }
  return ox;
}

function pool<T>(x: usize, y: usize, out: usize, geom: usize): void {
  const E = <usize>sizeof<T>();
  const h = gi(geom, H), w = gi(geom, W), kh = gi(geom, KH), kw = gi(geom, KW);
  const sh = gi(geom, SH), sw = gi(geom, SW), dh = gi(geom, DH), dw = gi(geom, DW);
  const pt = gi(geom, PT), pl = gi(geom, PL), oh = gi(geom, OH), ow = gi(geom, OW);
  const planes = gi(geom, N) * gi(geom, C);
  const fast = sizeof<T>() == 4 && kh == 2 && kw == 2 && sh == 2 && sw == 2 && dh == 1 && dw == 1 &&
    pt == 0 && pl == 0;
  let o: usize = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * h * w;
    for (let oy = 0; oy < oh; oy++) {
      const y0 = oy * sh - pt;
      const rowsInside = y0 >= 0 && y0 + (kh - 1) * dh < h;
      let ox = 0;
      if (fast) {
        ox = pool2x2Row32(x, y + o * E, out + (o << 2), base + y0 * w, w, ow);
        o += <usize>ox;
      }
      for (; ox < ow; ox++, o++) {
        const x0 = ox * sw - pl;
        let best = -1;
        let top: T = <T>0;
        if (rowsInside && x0 >= 0 && x0 + (kw - 1) * dw < w) {
          // the whole window inside x: no bounds to test
          best = base + y0 * w + x0;
          top = load<T>(x + <usize>best * E);
          for (let i = 0; i < kh; i++) {
            const row = base + (y0 + i * dh) * w + x0;
            for (let j = i == 0 ? 1 : 0; j < kw; j++) {
              const at = row + j * dw;
              const v = load<T>(x + <usize>at * E);
              const take = better<T>(v, top);
              best = select<i32>(at, best, take);
              top = select<T>(v, top, take);
            }
          }
        } else {
          for (let i = 0; i < kh; i++) {
            const iy = y0 + i * dh;
            if (iy < 0 || iy >= h) continue;
            for (let j = 0; j < kw; j++) {
              const ix = x0 + j * dw;
              if (ix < 0 || ix >= w) continue;
              const at = base + iy * w + ix;
              const v = load<T>(x + <usize>at * E);
              if (best < 0 || better<T>(v, top)) {
                best = at;
                top = v;
              }
            }
          }
        }
        store<T>(y + o * E, best < 0 ? <T>-Infinity : top);
        store<i32>(out + (o << 2), best);
      }
    }
  }
}

export function maxPool2dF64(x: usize, y: usize, indices: usize, geom: usize): void {
  pool<f64>(x, y, indices, geom);
}
export function maxPool2dF32(x: usize, y: usize, indices: usize, geom: usize): void {
  pool<f32>(x, y, indices, geom);
}
