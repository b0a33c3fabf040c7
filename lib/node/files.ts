import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ArgumentError, excerpt } from '../core/index.js';
import {
  decodeSnapshot,
  type EncodeSnapshotOptions,
  encodeSnapshot,
  type Loaded,
  type LoadOptions,
  load,
  type SaveOptions,
  type Snapshot,
  save,
} from '../io/index.js';
import type { Module } from '../nn/index.js';

let counter = 0;

/**
 * Writes `bytes` to `path` atomically: into a new temporary file in the same directory,
 * flushed to disk (fsync), then renamed over `path`, and the directory flushed. A crash or an
 * error at any moment leaves either the old file or the new one, never a partial file.
 *
 * @example
 * await writeFileAtomic('run/checkpoint.safetensors', bytes);
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  if (typeof path !== 'string' || path === '') {
    throw new ArgumentError(
      `writeFileAtomic: path must be a non-empty string, got ${excerpt(path)}`,
    );
  }
  if (!(bytes instanceof Uint8Array)) {
    throw new ArgumentError(`writeFileAtomic: bytes must be a Uint8Array, got ${typeof bytes}`);
  }
  const dir = dirname(path);
  const { handle, tmp } = await createTemp(dir, basename(path));
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await syncDirectory(dir);
}

/** A new temporary file next to the target (exclusive create: never another writer's file). */
async function createTemp(dir: string, name: string) {
  for (;;) {
    const tmp = join(dir, `.${name}.${process.pid}.${counter++}.tmp`);
    try {
      return { handle: await open(tmp, 'wx'), tmp };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** fsync of the directory, so that the rename itself survives a power loss. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // NOTE: some platforms (Windows) cannot open or fsync a directory; the rename is done anyway.
  } finally {
    await handle?.close();
  }
}

/**
 * `save(model, options)` written atomically to `path` (see `writeFileAtomic`).
 *
 * @example
 * await saveFile('cancer.safetensors', model, { optimizer: opt, preprocessing: { x: scaler } });
 */
export async function saveFile(
  path: string,
  model: Module,
  options: SaveOptions = {},
): Promise<void> {
  await writeFileAtomic(path, save(model, options));
}

/**
 * `load` of the file at `path`: the model (rebuilt, or `options.into`), optimiser state,
 * preprocessing, RNG state and metadata. A corrupt or truncated file is a `FormatError`.
 *
 * @example
 * const { model, preprocessing } = await loadFile('cancer.safetensors');
 */
export async function loadFile(path: string, options: LoadOptions = {}): Promise<Loaded> {
  return load(await readFile(path), options);
}

/**
 * A trainer checkpoint snapshot written atomically (`encodeSnapshot`): the sink of `checkpoint`.
 *
 * @example
 * fit(model, data, options).pipe(checkpoint({ sink: (s) => saveSnapshot('ckpt.safetensors', s, { model }) }))
 */
export async function saveSnapshot(
  path: string,
  snapshot: Snapshot,
  options: EncodeSnapshotOptions = {},
): Promise<void> {
  await writeFileAtomic(path, encodeSnapshot(snapshot, options));
}

/**
 * The checkpoint snapshot at `path` (`decodeSnapshot`), for `fit(..., { resumeFrom })`.
 *
 * @example
 * fit(model, data, { ...options, resumeFrom: await loadSnapshot('ckpt.safetensors') })
 */
export async function loadSnapshot(path: string): Promise<Snapshot> {
  return decodeSnapshot(await readFile(path));
}
