import { replaceStorage, type Tensor } from './Tensor.js';

/**
 * The inputs themselves, turned for the length of a check into what it differentiates and
 * perturbs: picked inputs require grad, and float32 inputs hold a float64 copy of their values
 * (`use64`, their float64 twin) or their own storage (`use32`). `restore` puts back storage,
 * values and `requiresGrad` exactly as they were.
 * NOTE: the tensors are changed in place, not copied, so that a function that closes over them
 * (a loss of a Module's parameters) sees the perturbation as much as one that uses its arguments.
 */
export interface Twins {
  use64(): void;
  use32(): void;
  restore(): void;
}

export function twinsOf(xs: readonly Tensor[], picked: readonly number[]): Twins {
  const saved = xs.map((t) => ({
    t,
    data: t.data,
    values: t.data.slice(),
    wide: t.dtype === 'float32' ? Float64Array.from(t.data) : null,
    requiresGrad: t.requiresGrad,
  }));
  for (const i of picked) xs[i].requiresGrad = true;
  return {
    use64: () => {
      for (const s of saved) if (s.wide) replaceStorage(s.t, s.wide);
    },
    use32: () => {
      for (const s of saved) if (s.wide) replaceStorage(s.t, s.data);
    },
    restore: () => {
      for (const s of saved) {
        replaceStorage(s.t, s.data);
        s.data.set(s.values);
        s.t.requiresGrad = s.requiresGrad;
      }
    },
  };
}

/** Runs `body` on the float64 twins of the inputs (see `twinsOf`), restoring them afterwards. */
export function withTwins<T>(xs: readonly Tensor[], picked: readonly number[], body: () => T): T {
  const twins = twinsOf(xs, picked);
  try {
    twins.use64();
    return body();
  } finally {
    twins.restore();
  }
}
