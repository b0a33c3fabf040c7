const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/√π
const INV_SQRT_PI = 0.5641895835477563; // 1/√π
const SERIES_LIMIT = 2.5;

/**
 * erf(x) = (2/√π)·e^(−x²)·Σₙ 2ⁿ·x^(2n+1) / (1·3·5···(2n+1)) (Abramowitz & Stegun 7.1.6).
 * NOTE: every term has the sign of x, so there is no cancellation; used for |x| < 2.5.
 */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 400; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/**
 * erfc(x) for x ≥ 2.5 by the continued fraction √π·e^(x²)·erfc(x) = 1/(x+ ½/(x+ 1/(x+ 3/2/(x+ …))))
 * (A&S 7.1.14), evaluated by the modified Lentz method. Accurate in relative terms far into the tail.
 */
function erfcFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 1000; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (Math.exp(-x * x) * INV_SQRT_PI) / f;
}

/** The error function, erf(x) = (2/√π)·∫₀ˣ e^(−t²) dt, to about 1e-15 relative. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax < SERIES_LIMIT) return erfSeries(x);
  if (ax > 6) return x > 0 ? 1 : -1;
  const r = 1 - erfcFraction(ax);
  return x > 0 ? r : -r;
}

/** The complementary error function 1 − erf(x), accurate in relative terms for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x >= SERIES_LIMIT) return x > 27 ? 0 : erfcFraction(x);
  if (x <= -SERIES_LIMIT) return x < -6 ? 2 : 2 - erfcFraction(-x);
  return 1 - erfSeries(x);
}

/** GELU(x) = x·Φ(x) with Φ(x) = ½·erfc(−x/√2), the exact (not tanh-approximated) form. */
export function gelu(x: number): number {
  return 0.5 * x * erfc(-x * Math.SQRT1_2);
}
