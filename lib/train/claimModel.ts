import { ArgumentError } from '../core/index.js';
import type { Module } from '../nn/Module.js';

/** The claim of the run that trains each model (a token per run). */
const claims = new WeakMap<Module, object>();

/**
 * Marks `model` as trained by one run, and returns the function that ends the claim (it may be
 * called any number of times, and never ends a later run's claim). A second run on a claimed
 * model is an `ArgumentError` naming `where`: two runs would interleave their updates.
 *
 * @example
 * const release = claimModel(model, 'fit');
 * try { train(); } finally { release(); }
 */
export function claimModel(model: Module, where: string): () => void {
  if (claims.has(model)) {
    throw new ArgumentError(
      `${where}: this model is already being trained by another subscription; each subscription is a run of its own: share() one run between several subscribers, or wait for the first run to end`,
    );
  }
  const token = {};
  claims.set(model, token);
  return () => {
    if (claims.get(model) === token) claims.delete(model);
  };
}
