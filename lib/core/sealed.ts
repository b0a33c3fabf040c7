import type { TypedArray } from './dtype.js';

/**
 * Arrays that no code outside the library has seen since the library filled them: the storage
 * of tensors that ops and the creation functions made, until someone reads `tensor.data`.
 * Tensors are immutable by convention, but `data` is a plain typed array that anyone may write;
 * a backend may therefore keep a copy of an array (the WebAssembly backend keeps its operands
 * resident in its memory) only while the array is sealed. Reading `tensor.data` unseals its
 * array for good, so a write through that reference, however much later, is never missed.
 */
// NOTE: kept on globalThis, so that every copy of this module loaded in one realm (as test
// runners and bundles with two copies do) agrees; `handedOut` holds the arrays handed out at
// some time, which are never sealed again.
const KEY = Symbol.for('rxgrad.sealedArrays');
const shared = globalThis as {
  [KEY]?: { sealed: WeakSet<TypedArray>; handedOut: WeakSet<TypedArray> };
};
const { sealed, handedOut } = (shared[KEY] ??= { sealed: new WeakSet(), handedOut: new WeakSet() });

/**
 * Marks `a` as seen by the library only, right after the library filled it; an array that was
 * ever handed out stays unsealed (a view op may wrap an existing tensor's storage).
 */
export function seal(a: TypedArray): void {
  if (!handedOut.has(a)) sealed.add(a);
}

/** Marks `a` as handed out: from now on it may change at any time. */
export function unseal(a: TypedArray): void {
  sealed.delete(a);
  handedOut.add(a);
}

/** Whether `a` is sealed: its contents are those it had when it was sealed. */
export function isSealed(a: TypedArray): boolean {
  return sealed.has(a);
}
