import { Tensor } from '../autograd/index.js';
import { ArgumentError } from '../core/index.js';
import type { StateDict } from '../nn/Module.js';
import type { WeightsData } from './protocol.js';

/**
 * A state dict as plain data for `postMessage` (typed arrays, shapes, dtypes; no live tensors).
 * The arrays are copies, so their buffers may be transferred.
 *
 * @example
 * const data = toWeightsData(model.stateDict()); // { 'fc.weight': { shape: [30, 1], dtype: 'float64', data } }
 */
export function toWeightsData(state: StateDict): WeightsData {
  const out: Record<string, WeightsData[string]> = {};
  for (const [name, t] of Object.entries(state)) {
    out[name] = { shape: [...t.shape], dtype: t.dtype, data: t.data.slice() };
  }
  return out;
}

/**
 * Tensors back from `toWeightsData`, ready for `model.loadStateDict(...)`.
 *
 * @example
 * model.loadStateDict(fromWeightsData(data));
 */
export function fromWeightsData(data: WeightsData): StateDict {
  if (data === null || typeof data !== 'object') {
    throw new ArgumentError(`fromWeightsData: expected an object of weights by name, got ${data}`);
  }
  const out: StateDict = {};
  for (const [name, w] of Object.entries(data)) {
    if (!(w?.data instanceof Float64Array || w?.data instanceof Float32Array)) {
      throw new ArgumentError(
        `fromWeightsData: '${name}' must hold a Float32Array or Float64Array, got ${typeof w?.data}`,
      );
    }
    out[name] = new Tensor(w.data, w.shape);
  }
  return out;
}

/** The buffers of a weights message, to transfer instead of copy. */
export function transferablesOf(data: WeightsData): ArrayBuffer[] {
  return Object.values(data).map((w) => w.data.buffer as ArrayBuffer);
}
