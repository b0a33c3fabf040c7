import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
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
 * A writer killed mid-save leaves its temporary file (`.NAME.PID.N.tmp`) behind; the next
 * successful write of the same target removes those whose process is gone.
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
  const name = basename(path);
  const { handle, tmp } = await createTemp(dir, name);
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
  await removeStaleTemps(dir, name);
}

/** Whether process `pid` still runs (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes `.NAME.PID.N.tmp` files of the same target left by writers that are gone (killed
 * mid-save). Best effort: a file that cannot be listed or removed is left alone.
 * NOTE: a temporary of a live process (another writer of the same target, or this process,
 * whose writes in flight are its own) is never touched.
 */
async function removeStaleTemps(dir: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const match = /^(\d+)\.\d+\.tmp$/.exec(entry.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || alive(pid)) continue;
    await unlink(join(dir, entry)).catch(() => {});
  }
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
 * fit(model, data, { ...options, control$ }).pipe(checkpoint({ control$, sink: (s) => saveSnapshot('ckpt.safetensors', s, { model }) }))
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
