import type { Module } from '../nn/index.js';
import { type SaveOptions, save } from './save.js';

/**
 * `save(model, options)` as a `Blob`, the browser's way to offer a download or store in
 * IndexedDB.
 *
 * @example
 * const url = URL.createObjectURL(saveBlob(model, { optimizer: opt }));
 */
export function saveBlob(model: Module, options: SaveOptions = {}): Blob {
  return new Blob([save(model, options) as Uint8Array<ArrayBuffer>], {
    type: 'application/octet-stream',
  });
}
