import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FormatError, mlp, sgd } from '../../lib/index.js';
import {
  loadFile,
  loadSnapshot,
  saveFile,
  saveSnapshot,
  writeFileAtomic,
} from '../../lib/node/index.js';

// A switch to make the temporary file's write fail halfway, as a full disk or a crash would.
const failure = vi.hoisted(() => ({ afterBytes: -1 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof fs.open = async (...args) => {
    const handle = await fs.open(...args);
    if (failure.afterBytes < 0) return handle;
    const n = failure.afterBytes;
    handle.writeFile = async (data) => {
      await handle.write((data as Uint8Array).subarray(0, n));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    return handle;
  };
  return { ...fs, open };
});

/** The pid of a process that has exited (so that no live process holds it, short of reuse). */
function exitedPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid as number));
  });
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rxgrad-files-'));
  failure.afterBytes = -1;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic / saveFile / loadFile', () => {
  it('saves and loads a model with its optimiser state', async () => {
    const net = mlp([2, 3, 1], { seed: 1 });
    const opt = sgd(net.parameters(), { lr: 0.1, momentum: 0.5 });
    const path = join(dir, 'model.safetensors');
    await saveFile(path, net, { optimizer: opt, metadata: { note: 'n' } });
    const loaded = await loadFile(path);
    expect(loaded.model.toString()).toBe(net.toString());
    expect(loaded.model.parameters().map((p) => [...p.data])).toEqual(
      net.parameters().map((p) => [...p.data]),
    );
    expect(loaded.optimizer?.name).toBe('sgd');
    expect(loaded.metadata).toEqual({ note: 'n' });
    expect(await readdir(dir)).toEqual(['model.safetensors']);
  });

  it('replaces an existing file whole', async () => {
    const path = join(dir, 'f.bin');
    await writeFile(path, 'old contents, longer than the new ones');
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
  });

  it('a failure halfway through the write leaves the old file intact and no temporary file', async () => {
    const path = join(dir, 'model.safetensors');
    await saveFile(path, mlp([2, 1], { seed: 1 }));
    const before = await readFile(path);
    failure.afterBytes = 100;
    await expect(saveFile(path, mlp([2, 1], { seed: 2 }))).rejects.toThrow(/ENOSPC/);
    expect((await readFile(path)).equals(before)).toBe(true);
    expect(await readdir(dir)).toEqual(['model.safetensors']);
    failure.afterBytes = -1;
    expect((await loadFile(path)).model.parameters()[0].data).toEqual(
      mlp([2, 1], { seed: 1 }).parameters()[0].data,
    );
  });

  it('a failure on a new path leaves nothing behind', async () => {
    failure.afterBytes = 10;
    await expect(writeFileAtomic(join(dir, 'new.bin'), new Uint8Array(64))).rejects.toThrow(
      /ENOSPC/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('errors name the problem: a missing directory, a bad argument, a truncated file', async () => {
    await expect(
      writeFileAtomic(join(dir, 'no', 'such', 'dir.bin'), new Uint8Array(1)),
    ).rejects.toThrow(/ENOENT/);
    await expect(writeFileAtomic('', new Uint8Array(1))).rejects.toThrow(
      /path must be a non-empty string/,
    );
    await expect(writeFileAtomic(join(dir, 'x'), [1] as never)).rejects.toThrow(
      /bytes must be a Uint8Array/,
    );
    const path = join(dir, 'm.safetensors');
    await saveFile(path, mlp([2, 2, 1]));
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 3));
    await expect(loadFile(path)).rejects.toThrow(FormatError);
  });

  it('saveSnapshot / loadSnapshot persist a checkpoint snapshot', async () => {
    const net = mlp([2, 1], { seed: 3 });
    const opt = sgd(net.parameters(), { lr: 0.1 });
    const p = net.parameters()[0];
    const snapshot = {
      format: 'rxgrad.snapshot' as const,
      version: 1 as const,
      epoch: 2,
      step: 10,
      weights: Object.fromEntries(
        net
          .namedParameters()
          .map(([n, t]) => [n, { shape: t.shape, dtype: t.dtype, data: t.data.slice() }]),
      ),
      optimizer: opt.state(),
      rng: { data: null, modules: {} },
      position: {
        batch: 0,
        lossSum: 0.1 + 0.2,
        samples: 0,
        seed: 1,
        batchSize: 4,
        stepsPerEpoch: 5,
        trainSamples: 20,
      },
    };
    const path = join(dir, 'ckpt.safetensors');
    await saveSnapshot(path, snapshot);
    const back = await loadSnapshot(path);
    expect(back.position).toEqual(snapshot.position);
    expect(back.weights['layers.0.weight'].data).toEqual(p.data);
    expect(await readdir(dir)).toEqual(['ckpt.safetensors']);
  });

  // NOTE: temporaries of writers killed mid-save used to stay beside the target forever (issue 12).
  it('a successful write removes stale temporaries of the same target, and only those', async () => {
    const dead = await exitedPid();
    const path = join(dir, 'ckpt.safetensors');
    const names = {
      stale: [`.ckpt.safetensors.${dead}.0.tmp`, `.ckpt.safetensors.${dead}.17.tmp`],
      kept: [
        `.ckpt.safetensors.${process.pid}.999.tmp`, // this process: its own write may be in flight
        `.ckpt.safetensors.${process.ppid}.3.tmp`, // a live process: another writer
        `.other.bin.${dead}.0.tmp`, // another target
        `.ckpt.safetensors.${dead}.x.tmp`, // not a name this writer makes
        `ckpt.safetensors.${dead}.0.tmp`,
      ],
    };
    for (const n of [...names.stale, ...names.kept]) await writeFile(join(dir, n), 'partial');
    await writeFileAtomic(path, new Uint8Array([7]));
    expect((await readdir(dir)).sort()).toEqual(['ckpt.safetensors', ...names.kept].sort());
  });
});
