import type { TypedArray } from './dtype.js';

/**
 * Arrays handed out to code outside the library: every array given to `new Tensor` by its
 * caller, and every tensor's storage once `tensor.data` has been read. Tensors are immutable by
 * convention, but `data` is a plain typed array that anyone may write, at any later time. A
 * tensor's storage that was never handed out is *sealed*: only the library has seen it since it
 * filled it, and the library never writes into a tensor's storage through `storageOf`. A
 * backend may keep a copy of a sealed operand (the WebAssembly backend keeps matmul operands
 * resident in its memory); once handed out, an array is never sealed again.
 */
// NOTE: kept on globalThis, so that every copy of this module loaded in one realm (as test
// runners and bundles with two copies do) agrees.
const KEY = Symbol.for('rxgrad.handedOutArrays');
const shared = globalThis as { [KEY]?: WeakSet<TypedArray> };
const handedOut = (shared[KEY] ??= new WeakSet());

/** Marks `a` as handed out: from now on it may change at any time. */
export function handOut(a: TypedArray): void {
  handedOut.add(a);
}

/** Whether `a` was ever handed out (a tensor's storage that was not is sealed). */
export function isHandedOut(a: TypedArray): boolean {
  return handedOut.has(a);
}
