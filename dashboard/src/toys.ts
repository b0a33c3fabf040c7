import { Random } from 'rxgrad';

/** A 2-D toy problem: points in [-1, 1]² with a 0/1 label. */
export interface ToySet {
  readonly x: number[][];
  readonly y: number[];
}

/** Two interleaved spirals, each turning 1.75 times around the origin (a classic hard case). */
export function spirals(n: number, seed: number, noise = 0.04): ToySet {
  const rng = new Random(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const t = rng.uniform();
    const r = 0.08 + 0.88 * t;
    const angle = t * 1.75 * 2 * Math.PI + label * Math.PI;
    x.push([
      r * Math.cos(angle) + noise * rng.normal(),
      r * Math.sin(angle) + noise * rng.normal(),
    ]);
    y.push(label);
  }
  return { x, y };
}

/** XOR: the label is 1 where the two coordinates have the same sign. */
export function xor(n: number, seed: number): ToySet {
  const rng = new Random(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.uniform() * 2 - 1;
    const b = rng.uniform() * 2 - 1;
    // NOTE: a small margin around the axes keeps the classes separable.
    const pad = (v: number) => Math.sign(v) * (0.06 + 0.94 * Math.abs(v));
    x.push([pad(a), pad(b)]);
    y.push(a * b > 0 ? 1 : 0);
  }
  return { x, y };
}

/** A disc inside a ring. */
export function circles(n: number, seed: number, noise = 0.05): ToySet {
  const rng = new Random(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const r = label === 1 ? 0.45 * Math.sqrt(rng.uniform()) : 0.65 + 0.3 * rng.uniform();
    const angle = rng.uniform() * 2 * Math.PI;
    x.push([
      r * Math.cos(angle) + noise * rng.normal(),
      r * Math.sin(angle) + noise * rng.normal(),
    ]);
    y.push(label);
  }
  return { x, y };
}
