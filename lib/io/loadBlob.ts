import { ArgumentError } from '../core/index.js';
import { type Loaded, type LoadOptions, load } from './load.js';

/**
 * `load` of a `Blob` or `File` (an upload, a fetch response's `blob()`).
 *
 * @example
 * const { model } = await loadBlob(input.files[0]);
 */
export async function loadBlob(blob: Blob, options: LoadOptions = {}): Promise<Loaded> {
  if (typeof (blob as Blob)?.arrayBuffer !== 'function') {
    throw new ArgumentError(`loadBlob: expected a Blob or File, got ${typeof blob}`);
  }
  return load(new Uint8Array(await blob.arrayBuffer()), options);
}
