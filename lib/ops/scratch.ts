import { allocate, type DType, type TypedArray } from '../core/index.js';

/** Sizes (dtype and length) whose scratch arrays are kept: a training loop uses one or two. */
const KEEP = 4;
const kept = new Map<string, TypedArray[]>();

/**
 * `count` arrays of `n` elements of `dtype` for the temporaries of a fused op: values that
 * never leave the call that asks for them (it must not call back into user code while it
 * holds them). They are reused by the next call, so a training step allocates none; the
 * last KEEP sizes are kept, so memory stays bounded whatever the shapes. `tag` keeps apart
 * sets that are held at the same time (the scalars of an op beside its arrays).
 */
export function scratch(dtype: DType, n: number, count: number, tag = ''): TypedArray[] {
  const key = `${tag} ${dtype} ${n}`;
  let arrays = kept.get(key);
  if (arrays === undefined) {
    arrays = [];
    if (kept.size >= KEEP) kept.delete(kept.keys().next().value as string);
  } else kept.delete(key); // re-inserted below as the most recent
  while (arrays.length < count) arrays.push(allocate(dtype, n));
  kept.set(key, arrays);
  return arrays;
}
