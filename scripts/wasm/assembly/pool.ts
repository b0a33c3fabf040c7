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

function pool<T>(x: usize, y: usize, out: usize, geom: usize): void {
  const E = <usize>sizeof<T>();
  const h = gi(geom, H), w = gi(geom, W), kh = gi(geom, KH), kw = gi(geom, KW);
  const sh = gi(geom, SH), sw = gi(geom, SW), dh = gi(geom, DH), dw = gi(geom, DW);
  const pt = gi(geom, PT), pl = gi(geom, PL), oh = gi(geom, OH), ow = gi(geom, OW);
  const planes = gi(geom, N) * gi(geom, C);
  let o: usize = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * h * w;
    for (let oy = 0; oy < oh; oy++) {
      const y0 = oy * sh - pt;
      const rowsInside = y0 >= 0 && y0 + (kh - 1) * dh < h;
      for (let ox = 0; ox < ow; ox++, o++) {
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
